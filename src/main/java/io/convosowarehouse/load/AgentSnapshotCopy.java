package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

import io.convosowarehouse.db.warehouse.tables.records.AgentSnapshotRecord;
import io.convosowarehouse.load.LabelDictionary.Label;
import io.convosowarehouse.parse.AgentRow;

/**
 * Writes an answer's agents into warehouse.agent_snapshot with PostgreSQL's binary COPY, on the
 * connection of the snapshot's transaction, streaming: the server stores rows while later ones are
 * still being encoded. Each column is listed once, with the SQL type it is written as and where its
 * value comes from, so the COPY statement's column list and every row's values cannot disagree.
 */
final class AgentSnapshotCopy {

    /** What a row needs besides its agent: the snapshot's key and the label ids. */
    private record RowContext(long snapshotId, Instant observedAt, short accountId, LabelDictionary labels) {
    }

    @FunctionalInterface
    private interface ValueWriter {
        void write(BinaryCopyStream out, RowContext context, AgentRow agent) throws SQLException;
    }

    /** A string field stored as a warehouse.label id: its API name and its value. */
    private record LabelField(String field, Function<AgentRow, String> value) {
    }

    /** A column of agent_snapshot, how one agent's value for it is written, and its label field if it has one. */
    private record Column(TableField<AgentSnapshotRecord, ?> field, ValueWriter writer, LabelField label) {

        Column(TableField<AgentSnapshotRecord, ?> field, ValueWriter writer) {
            this(field, writer, null);
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(AGENT_SNAPSHOT.SNAPSHOT_ID, (out, c, a) -> out.int8(c.snapshotId())),
            new Column(AGENT_SNAPSHOT.OBSERVED_AT, (out, c, a) -> out.timestamptz(c.observedAt())),
            new Column(AGENT_SNAPSHOT.ACCOUNT_ID, (out, c, a) -> out.int2(c.accountId())),
            int8(AGENT_SNAPSHOT.USER_ID, AgentRow::userId),
            int8(AGENT_SNAPSHOT.CAMPAIGN_ID, AgentRow::campaignId),
            int8(AGENT_SNAPSHOT.QUEUE_ID, AgentRow::queueId),
            new Column(AGENT_SNAPSHOT.QUEUE_ASSIGNMENT_IDS, (out, c, a) -> out.int8Array(a.queueAssignmentIds())),
            int8(AGENT_SNAPSHOT.LIST_ID, AgentRow::listId),
            int8(AGENT_SNAPSHOT.LEAD_ID, AgentRow::leadId),
            int8(AGENT_SNAPSHOT.CALL_LOG_ID, AgentRow::callLogId),
            int4(AGENT_SNAPSHOT.CALLS_TODAY, AgentRow::callsToday),
            int4(AGENT_SNAPSHOT.TOTAL_CALLS, AgentRow::totalCalls),
            int4(AGENT_SNAPSHOT.SINCE_LAST_UPDATE, AgentRow::sinceLastUpdate),
            timestamptz(AGENT_SNAPSHOT.LAST_STATE_CHANGE, AgentRow::lastStateChange),
            timestamptz(AGENT_SNAPSHOT.LAST_CALL_TIME, AgentRow::lastCallTime),
            timestamptz(AGENT_SNAPSHOT.LAST_UPDATE_TIME, AgentRow::lastUpdateTime),
            timestamptz(AGENT_SNAPSHOT.LAST_CALL_FINISH, AgentRow::lastCallFinish),
            timestamptz(AGENT_SNAPSHOT.LAST_INBOUND_CALL_TIME, AgentRow::lastInboundCallTime),
            timestamptz(AGENT_SNAPSHOT.LAST_INBOUND_CALL_FINISH, AgentRow::lastInboundCallFinish),
            int8(AGENT_SNAPSHOT.AVAILABILITY_ID, AgentRow::availabilityId),
            bool(AGENT_SNAPSHOT.INBOUND_ONLY, AgentRow::inboundOnly),
            int4(AGENT_SNAPSHOT.STATUS_TIME_SEC, AgentRow::statusTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_TIME_MMSS, AgentRow::statusTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_READY_TIME_SEC, AgentRow::statusReadyTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_READY_TIME_MMSS, AgentRow::statusReadyTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_WAIT_TIME_SEC, AgentRow::statusWaitTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_WAIT_TIME_MMSS, AgentRow::statusWaitTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_INCALL_TIME_SEC, AgentRow::statusIncallTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_INCALL_TIME_MMSS, AgentRow::statusIncallTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_DISPO_TIME_SEC, AgentRow::statusDispoTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_DISPO_TIME_MMSS, AgentRow::statusDispoTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_DEAD_TIME_SEC, AgentRow::statusDeadTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_DEAD_TIME_MMSS, AgentRow::statusDeadTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_PREVIEW_TIME_SEC, AgentRow::statusPreviewTimeSec),
            int4(AGENT_SNAPSHOT.STATUS_PREVIEW_TIME_MMSS, AgentRow::statusPreviewTimeMmss),
            int4(AGENT_SNAPSHOT.STATUS_LENGTH_SEC, AgentRow::statusLengthSec),
            int4(AGENT_SNAPSHOT.STATUS_LENGTH, AgentRow::statusLength),
            int4(AGENT_SNAPSHOT.CAMPAIGN_SKILL, AgentRow::campaignSkill),
            int4(AGENT_SNAPSHOT.CAMPAIGN_WEIGHT, AgentRow::campaignWeight),
            bool(AGENT_SNAPSHOT.FORCE_LOGOUT, AgentRow::forceLogout),
            bool(AGENT_SNAPSHOT.AWAITING_CONFIRMATION, AgentRow::awaitingConfirmation),
            new Column(AGENT_SNAPSHOT.SKILL_OPTIONS, (out, c, a) -> out.textArray(a.skillOptions())),
            label(AGENT_SNAPSHOT.USER_FULL_NAME_REF, "user_full_name", AgentRow::userFullName),
            label(AGENT_SNAPSHOT.CAMPAIGN_NAME_REF, "campaign_name", AgentRow::campaignName),
            label(AGENT_SNAPSHOT.QUEUE_NAME_REF, "queue_name", AgentRow::queueName),
            label(AGENT_SNAPSHOT.QUEUE_ASSIGNMENT_REF, "queue_assignment", AgentRow::queueAssignment),
            label(AGENT_SNAPSHOT.LIST_NAME_REF, "list_name", AgentRow::listName),
            label(AGENT_SNAPSHOT.EXTENSION_REF, "extension", AgentRow::extension),
            label(AGENT_SNAPSHOT.CHANNEL_TYPE_REF, "channel_type", AgentRow::channelType),
            label(AGENT_SNAPSHOT.CALL_TYPE_REF, "call_type", AgentRow::callType),
            label(AGENT_SNAPSHOT.STATUS_REF, "status", AgentRow::status),
            label(AGENT_SNAPSHOT.STATUS_LABEL_REF, "status_label", AgentRow::statusLabel),
            label(AGENT_SNAPSHOT.CONNECTION_TYPE_REF, "connection_type", AgentRow::connectionType),
            label(AGENT_SNAPSHOT.CLASS_REF, "class", AgentRow::cssClass),
            label(AGENT_SNAPSHOT.TEXT_CLASS_REF, "text_class", AgentRow::textClass));

    private static final List<LabelField> LABEL_FIELDS = COLUMNS.stream().map(Column::label).filter(Objects::nonNull).toList();

    private static final String COPY_STATEMENT = copyStatement();

    private AgentSnapshotCopy() {
    }

    /** The labels these agents need, to register before the snapshot's transaction. */
    static List<Label> labelsOf(List<AgentRow> agents) {
        List<Label> labels = new ArrayList<>();
        for (AgentRow agent : agents) {
            for (LabelField field : LABEL_FIELDS) {
                String value = field.value().apply(agent);
                if (value != null) {
                    labels.add(new Label(field.field(), value));
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
        RowContext context = new RowContext(snapshotId, observedAt, accountId, labels);
        tx.connection(connection -> {
            BinaryCopyStream out = new BinaryCopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STATEMENT));
            try {
                for (AgentRow agent : agents) {
                    out.startRow(COLUMNS.size());
                    for (Column column : COLUMNS) {
                        column.writer().write(out, context, agent);
                    }
                }
                out.finish();
            } finally {
                out.cancelIfActive();
            }
        });
    }

    private static Column int8(TableField<AgentSnapshotRecord, Long> field, Function<AgentRow, Long> value) {
        return new Column(field, (out, c, a) -> out.int8(value.apply(a)));
    }

    private static Column int4(TableField<AgentSnapshotRecord, Integer> field, Function<AgentRow, Integer> value) {
        return new Column(field, (out, c, a) -> out.int4(value.apply(a)));
    }

    private static Column bool(TableField<AgentSnapshotRecord, Boolean> field, Function<AgentRow, Boolean> value) {
        return new Column(field, (out, c, a) -> out.bool(value.apply(a)));
    }

    private static Column timestamptz(TableField<AgentSnapshotRecord, OffsetDateTime> field,
            Function<AgentRow, Instant> value) {
        return new Column(field, (out, c, a) -> out.timestamptz(value.apply(a)));
    }

    private static Column label(TableField<AgentSnapshotRecord, Integer> field, String apiField,
            Function<AgentRow, String> value) {
        return new Column(field, (out, c, a) -> out.int4(c.labels().idOf(apiField, value.apply(a))),
                new LabelField(apiField, value));
    }

    private static String copyStatement() {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        return "copy " + renderer.render(AGENT_SNAPSHOT)
                + COLUMNS.stream().map(c -> renderer.render(DSL.name(c.field().getName()))).collect(Collectors.joining(", ", " (", ")"))
                + " from stdin (format binary)";
    }
}
