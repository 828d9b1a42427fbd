package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

import io.convosowarehouse.load.LabelDictionary.Label;
import io.convosowarehouse.parse.AgentFields;
import io.convosowarehouse.parse.AgentRow;
import io.convosowarehouse.parse.ApiField;
import io.convosowarehouse.parse.ColumnType;

/**
 * Writes an answer's agents into warehouse.agent_snapshot with PostgreSQL's binary COPY, on the
 * connection of the snapshot's transaction, streaming: the server stores rows while later ones are
 * still being encoded. The columns are the snapshot's key and then the {@link AgentFields} in their
 * declared order, each written as its declared {@link ColumnType}, so the COPY statement's column list and
 * every row's values cannot disagree.
 */
final class AgentSnapshotCopy {

    /** What a row needs besides its agent: the snapshot's key. */
    private static final List<String> KEY_COLUMNS = List.of(
            AGENT_SNAPSHOT.SNAPSHOT_ID.getName(), AGENT_SNAPSHOT.OBSERVED_AT.getName(), AGENT_SNAPSHOT.ACCOUNT_ID.getName());

    private static final List<ApiField<?>> FIELDS = AgentFields.BLOCK.fields();

    private static final List<ApiField<String>> LABEL_FIELDS = labelFields();

    private static final String COPY_STATEMENT = copyStatement();

    private AgentSnapshotCopy() {
    }

    /** The labels these agents need, to register before the snapshot's transaction. */
    static List<Label> labelsOf(List<AgentRow> agents) {
        List<Label> labels = new ArrayList<>();
        for (AgentRow agent : agents) {
            for (ApiField<String> field : LABEL_FIELDS) {
                String value = agent.get(field);
                if (value != null) {
                    labels.add(new Label(field.name(), value));
                }
            }
        }
        return labels;
    }

    static void copy(DSLContext tx, long snapshotId, Instant observedAt, short accountId, List<AgentRow> agents,
            LabelDictionary labels) {
        if (agents.isEmpty()) {
            return;
        }
        int columns = KEY_COLUMNS.size() + FIELDS.size();
        tx.connection(connection -> {
            BinaryCopyStream out = new BinaryCopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STATEMENT));
            try {
                for (AgentRow agent : agents) {
                    out.startRow(columns);
                    out.int8(snapshotId);
                    out.timestamptz(observedAt);
                    out.int2(accountId);
                    for (ApiField<?> field : FIELDS) {
                        write(out, field, agent.get(field), labels);
                    }
                }
                out.finish();
            } finally {
                out.cancelIfActive();
            }
        });
    }

    private static void write(BinaryCopyStream out, ApiField<?> field, Object value, LabelDictionary labels)
            throws SQLException {
        switch (field.type()) {
            case BIGINT -> out.int8((Long) value);
            case INTEGER -> out.int4((Integer) value);
            case BOOLEAN -> out.bool((Boolean) value);
            case TIMESTAMPTZ -> out.timestamptz((Instant) value);
            case BIGINT_ARRAY -> out.int8Array((Long[]) value);
            case TEXT_ARRAY -> out.textArray((String[]) value);
            case LABEL -> out.int4(labels.idOf(field.name(), (String) value));
            case NUMERIC -> throw new IllegalStateException("agent field " + field + ": no binary COPY encoding for numeric");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ApiField<String>> labelFields() {
        return FIELDS.stream().filter(f -> f.type() == ColumnType.LABEL).map(f -> (ApiField<String>) f).toList();
    }

    private static String copyStatement() {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        return "copy " + renderer.render(AGENT_SNAPSHOT)
                + Stream.concat(KEY_COLUMNS.stream(), FIELDS.stream().map(ApiField::column))
                        .map(column -> renderer.render(DSL.name(column))).collect(Collectors.joining(", ", " (", ")"))
                + " from stdin (format binary)";
    }
}
