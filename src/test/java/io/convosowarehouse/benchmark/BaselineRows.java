package io.convosowarehouse.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.convosowarehouse.parse.AgentRow;

/**
 * The agent rows of one answer as the column values of warehouse.agent_snapshot, in one fixed
 * order, for the baselines that write the same rows without the pipeline. Strings the warehouse
 * keeps in warehouse.label become the same integer ids, so both sides store identical values.
 */
final class BaselineRows {

    /** Column names in value order; the baselines' tables take them from warehouse.agent_snapshot. */
    static final List<String> COLUMNS = List.of("snapshot_id", "observed_at", "account_id", "user_id",
            "campaign_id", "queue_id", "queue_assignment_ids", "list_id", "lead_id", "call_log_id", "calls_today",
            "total_calls", "since_last_update", "last_state_change", "last_call_time", "last_update_time",
            "last_call_finish", "last_inbound_call_time", "last_inbound_call_finish", "availability_id",
            "inbound_only", "status_time_sec", "status_time_mmss", "status_ready_time_sec", "status_ready_time_mmss",
            "status_wait_time_sec", "status_wait_time_mmss", "status_incall_time_sec", "status_incall_time_mmss",
            "status_dispo_time_sec", "status_dispo_time_mmss", "status_dead_time_sec", "status_dead_time_mmss",
            "status_preview_time_sec", "status_preview_time_mmss", "status_length_sec", "status_length",
            "campaign_skill", "campaign_weight", "force_logout", "awaiting_confirmation", "skill_options",
            "user_full_name_ref", "campaign_name_ref", "queue_name_ref", "queue_assignment_ref", "list_name_ref",
            "extension_ref", "channel_type_ref", "call_type_ref", "status_ref", "status_label_ref",
            "connection_type_ref", "class_ref", "text_class_ref");

    /** The label-backed fields, in the order of the *_ref columns above. */
    static final List<LabelField> LABEL_FIELDS = List.of(
            new LabelField("user_full_name", AgentRow::userFullName),
            new LabelField("campaign_name", AgentRow::campaignName),
            new LabelField("queue_name", AgentRow::queueName),
            new LabelField("queue_assignment", AgentRow::queueAssignment),
            new LabelField("list_name", AgentRow::listName),
            new LabelField("extension", AgentRow::extension),
            new LabelField("channel_type", AgentRow::channelType),
            new LabelField("call_type", AgentRow::callType),
            new LabelField("status", AgentRow::status),
            new LabelField("status_label", AgentRow::statusLabel),
            new LabelField("connection_type", AgentRow::connectionType),
            new LabelField("class", AgentRow::cssClass),
            new LabelField("text_class", AgentRow::textClass));

    /** A string field stored as a warehouse.label reference. */
    record LabelField(String field, Function<AgentRow, String> value) {
    }

    /** Resolves (field, value) to its warehouse.label id. */
    interface LabelIds {
        Integer idOf(String field, String value);
    }

    private BaselineRows() {
    }

    static List<Object[]> of(long snapshotId, Instant observedAt, short accountId, List<AgentRow> agents, LabelIds labels) {
        List<Object[]> rows = new ArrayList<>(agents.size());
        for (AgentRow a : agents) {
            List<Object> row = new ArrayList<>(Arrays.asList(snapshotId, observedAt, accountId, a.userId(),
                    a.campaignId(), a.queueId(), a.queueAssignmentIds(), a.listId(), a.leadId(), a.callLogId(),
                    a.callsToday(), a.totalCalls(), a.sinceLastUpdate(), a.lastStateChange(), a.lastCallTime(),
                    a.lastUpdateTime(), a.lastCallFinish(), a.lastInboundCallTime(), a.lastInboundCallFinish(),
                    a.availabilityId(), a.inboundOnly(), a.statusTimeSec(), a.statusTimeMmss(), a.statusReadyTimeSec(),
                    a.statusReadyTimeMmss(), a.statusWaitTimeSec(), a.statusWaitTimeMmss(), a.statusIncallTimeSec(),
                    a.statusIncallTimeMmss(), a.statusDispoTimeSec(), a.statusDispoTimeMmss(), a.statusDeadTimeSec(),
                    a.statusDeadTimeMmss(), a.statusPreviewTimeSec(), a.statusPreviewTimeMmss(), a.statusLengthSec(),
                    a.statusLength(), a.campaignSkill(), a.campaignWeight(), a.forceLogout(), a.awaitingConfirmation(),
                    a.skillOptions()));
            for (LabelField label : LABEL_FIELDS) {
                row.add(labels.idOf(label.field(), label.value().apply(a)));
            }
            rows.add(row.toArray());
        }
        return rows;
    }
}
