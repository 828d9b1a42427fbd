package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

import io.convosowarehouse.db.warehouse.tables.records.AgentSnapshotRecord;
import io.convosowarehouse.load.LabelDictionary.Label;
import io.convosowarehouse.parse.AgentRow;

/**
 * Writes an answer's agents into warehouse.agent_snapshot with PostgreSQL's COPY, on the
 * connection of the snapshot's transaction: thousands of rows a minute at close to raw COPY speed.
 */
final class AgentSnapshotCopy {

    /** A column of agent_snapshot that is filled from a string field through the label dictionary. */
    private record LabelColumn(TableField<AgentSnapshotRecord, Integer> column, String field,
            Function<AgentRow, String> value) {
    }

    private static final List<LabelColumn> LABEL_COLUMNS = List.of(
            new LabelColumn(AGENT_SNAPSHOT.USER_FULL_NAME_REF, "user_full_name", AgentRow::userFullName),
            new LabelColumn(AGENT_SNAPSHOT.CAMPAIGN_NAME_REF, "campaign_name", AgentRow::campaignName),
            new LabelColumn(AGENT_SNAPSHOT.QUEUE_NAME_REF, "queue_name", AgentRow::queueName),
            new LabelColumn(AGENT_SNAPSHOT.QUEUE_ASSIGNMENT_REF, "queue_assignment", AgentRow::queueAssignment),
            new LabelColumn(AGENT_SNAPSHOT.LIST_NAME_REF, "list_name", AgentRow::listName),
            new LabelColumn(AGENT_SNAPSHOT.EXTENSION_REF, "extension", AgentRow::extension),
            new LabelColumn(AGENT_SNAPSHOT.CHANNEL_TYPE_REF, "channel_type", AgentRow::channelType),
            new LabelColumn(AGENT_SNAPSHOT.CALL_TYPE_REF, "call_type", AgentRow::callType),
            new LabelColumn(AGENT_SNAPSHOT.STATUS_REF, "status", AgentRow::status),
            new LabelColumn(AGENT_SNAPSHOT.STATUS_LABEL_REF, "status_label", AgentRow::statusLabel),
            new LabelColumn(AGENT_SNAPSHOT.CONNECTION_TYPE_REF, "connection_type", AgentRow::connectionType),
            new LabelColumn(AGENT_SNAPSHOT.CLASS_REF, "class", AgentRow::cssClass),
            new LabelColumn(AGENT_SNAPSHOT.TEXT_CLASS_REF, "text_class", AgentRow::textClass));

    /** The other columns, in COPY order, after snapshot_id, observed_at and account_id. */
    private static final List<TableField<AgentSnapshotRecord, ?>> VALUE_COLUMNS = List.of(
            AGENT_SNAPSHOT.USER_ID, AGENT_SNAPSHOT.CAMPAIGN_ID, AGENT_SNAPSHOT.QUEUE_ID,
            AGENT_SNAPSHOT.QUEUE_ASSIGNMENT_IDS, AGENT_SNAPSHOT.LIST_ID, AGENT_SNAPSHOT.LEAD_ID,
            AGENT_SNAPSHOT.CALL_LOG_ID, AGENT_SNAPSHOT.CALLS_TODAY, AGENT_SNAPSHOT.TOTAL_CALLS,
            AGENT_SNAPSHOT.SINCE_LAST_UPDATE, AGENT_SNAPSHOT.LAST_STATE_CHANGE, AGENT_SNAPSHOT.LAST_CALL_TIME,
            AGENT_SNAPSHOT.LAST_UPDATE_TIME, AGENT_SNAPSHOT.LAST_CALL_FINISH, AGENT_SNAPSHOT.LAST_INBOUND_CALL_TIME,
            AGENT_SNAPSHOT.LAST_INBOUND_CALL_FINISH, AGENT_SNAPSHOT.AVAILABILITY_ID, AGENT_SNAPSHOT.INBOUND_ONLY,
            AGENT_SNAPSHOT.STATUS_TIME_SEC, AGENT_SNAPSHOT.STATUS_TIME_MMSS, AGENT_SNAPSHOT.STATUS_READY_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_READY_TIME_MMSS, AGENT_SNAPSHOT.STATUS_WAIT_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_WAIT_TIME_MMSS, AGENT_SNAPSHOT.STATUS_INCALL_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_INCALL_TIME_MMSS, AGENT_SNAPSHOT.STATUS_DISPO_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_DISPO_TIME_MMSS, AGENT_SNAPSHOT.STATUS_DEAD_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_DEAD_TIME_MMSS, AGENT_SNAPSHOT.STATUS_PREVIEW_TIME_SEC,
            AGENT_SNAPSHOT.STATUS_PREVIEW_TIME_MMSS, AGENT_SNAPSHOT.STATUS_LENGTH_SEC, AGENT_SNAPSHOT.STATUS_LENGTH,
            AGENT_SNAPSHOT.CAMPAIGN_SKILL, AGENT_SNAPSHOT.CAMPAIGN_WEIGHT, AGENT_SNAPSHOT.FORCE_LOGOUT,
            AGENT_SNAPSHOT.AWAITING_CONFIRMATION, AGENT_SNAPSHOT.SKILL_OPTIONS);

    private static final String COPY_STATEMENT = copyStatement();

    private AgentSnapshotCopy() {
    }

    /** The labels these agents need, to register before the snapshot's transaction. */
    static List<Label> labelsOf(List<AgentRow> agents) {
        List<Label> labels = new ArrayList<>();
        for (AgentRow agent : agents) {
            for (LabelColumn column : LABEL_COLUMNS) {
                String value = column.value().apply(agent);
                if (value != null) {
                    labels.add(new Label(column.field(), value));
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
        StringBuilder text = new StringBuilder(agents.size() * 400);
        CopyTextRow row = new CopyTextRow(text);
        for (AgentRow a : agents) {
            row.value(snapshotId).value(observedAt).value(accountId);
            row.value(a.userId()).value(a.campaignId()).value(a.queueId()).value(a.queueAssignmentIds())
                    .value(a.listId()).value(a.leadId()).value(a.callLogId()).value(a.callsToday())
                    .value(a.totalCalls()).value(a.sinceLastUpdate()).value(a.lastStateChange())
                    .value(a.lastCallTime()).value(a.lastUpdateTime()).value(a.lastCallFinish())
                    .value(a.lastInboundCallTime()).value(a.lastInboundCallFinish()).value(a.availabilityId())
                    .value(a.inboundOnly()).value(a.statusTimeSec()).value(a.statusTimeMmss())
                    .value(a.statusReadyTimeSec()).value(a.statusReadyTimeMmss()).value(a.statusWaitTimeSec())
                    .value(a.statusWaitTimeMmss()).value(a.statusIncallTimeSec()).value(a.statusIncallTimeMmss())
                    .value(a.statusDispoTimeSec()).value(a.statusDispoTimeMmss()).value(a.statusDeadTimeSec())
                    .value(a.statusDeadTimeMmss()).value(a.statusPreviewTimeSec()).value(a.statusPreviewTimeMmss())
                    .value(a.statusLengthSec()).value(a.statusLength()).value(a.campaignSkill())
                    .value(a.campaignWeight()).value(a.forceLogout()).value(a.awaitingConfirmation())
                    .value(a.skillOptions());
            for (LabelColumn column : LABEL_COLUMNS) {
                row.value(labels.idOf(column.field(), column.value().apply(a)));
            }
            row.end();
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        tx.connection(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STATEMENT, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new org.jooq.exception.DataAccessException("COPY into agent_snapshot failed: " + e.getMessage(), e);
            }
        });
    }

    private static String copyStatement() {
        List<TableField<AgentSnapshotRecord, ?>> columns = new ArrayList<>();
        columns.add(AGENT_SNAPSHOT.SNAPSHOT_ID);
        columns.add(AGENT_SNAPSHOT.OBSERVED_AT);
        columns.add(AGENT_SNAPSHOT.ACCOUNT_ID);
        columns.addAll(VALUE_COLUMNS);
        LABEL_COLUMNS.forEach(label -> columns.add(label.column()));
        DSLContext renderer = DSL.using(org.jooq.SQLDialect.POSTGRES);
        return "copy " + renderer.render(AGENT_SNAPSHOT)
                + columns.stream().map(c -> renderer.render(DSL.name(c.getName()))).collect(Collectors.joining(", ", " (", ")"))
                + " from stdin";
    }
}
