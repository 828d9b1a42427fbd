package io.convosowarehouse.parse;

import java.time.Instant;

/**
 * The fields of one agent of data.entries.agents, as the Agent Monitor Search documentation lists them, each
 * with its reading rule and its warehouse.agent_snapshot column. A field not declared here is schema drift.
 */
public final class AgentFields {

    public static final FieldBlock BLOCK = new FieldBlock();

    public static final ApiField<Long> USER_ID = BLOCK.id("user_id");
    public static final ApiField<String> USER_FULL_NAME = BLOCK.label("user_full_name");
    public static final ApiField<Long> CAMPAIGN_ID = BLOCK.id("campaign_id");
    public static final ApiField<String> CAMPAIGN_NAME = BLOCK.label("campaign_name");
    public static final ApiField<Long> QUEUE_ID = BLOCK.id("queue_id");
    public static final ApiField<String> QUEUE_NAME = BLOCK.label("queue_name");
    public static final ApiField<String> QUEUE_ASSIGNMENT = BLOCK.label("queue_assignment");
    public static final ApiField<Long[]> QUEUE_ASSIGNMENT_IDS = BLOCK.idList("queue_assignment_ids");
    public static final ApiField<Long> LIST_ID = BLOCK.id("list_id");
    public static final ApiField<String> LIST_NAME = BLOCK.label("list_name");
    public static final ApiField<String> EXTENSION = BLOCK.label("extension");
    public static final ApiField<String> CHANNEL_TYPE = BLOCK.label("channel_type");
    public static final ApiField<String> CALL_TYPE = BLOCK.label("call_type");
    public static final ApiField<Long> LEAD_ID = BLOCK.id("lead_id");
    public static final ApiField<Long> CALL_LOG_ID = BLOCK.id("call_log_id");
    public static final ApiField<Integer> CALLS_TODAY = BLOCK.integer("calls_today");
    public static final ApiField<Integer> TOTAL_CALLS = BLOCK.integer("total_calls");
    public static final ApiField<Integer> SINCE_LAST_UPDATE = BLOCK.integer("since_last_update");
    public static final ApiField<Instant> LAST_STATE_CHANGE = BLOCK.timestamp("last_state_change");
    public static final ApiField<Instant> LAST_CALL_TIME = BLOCK.timestamp("last_call_time");
    public static final ApiField<Instant> LAST_UPDATE_TIME = BLOCK.timestamp("last_update_time");
    public static final ApiField<Instant> LAST_CALL_FINISH = BLOCK.timestamp("last_call_finish");
    public static final ApiField<Instant> LAST_INBOUND_CALL_TIME = BLOCK.timestamp("last_inbound_call_time");
    public static final ApiField<Instant> LAST_INBOUND_CALL_FINISH = BLOCK.timestamp("last_inbound_call_finish");
    public static final ApiField<Long> AVAILABILITY_ID = BLOCK.id("availability_id");
    public static final ApiField<Boolean> INBOUND_ONLY = BLOCK.flag("inbound_only");
    public static final ApiField<String> STATUS = BLOCK.label("status");
    public static final ApiField<String> STATUS_LABEL = BLOCK.label("status_label");
    public static final ApiField<Integer> STATUS_TIME_SEC = BLOCK.integer("status_time_sec");
    public static final ApiField<Integer> STATUS_TIME_MMSS = BLOCK.duration("status_time_mmss");
    public static final ApiField<Integer> STATUS_READY_TIME_SEC = BLOCK.integer("status_ready_time_sec");
    public static final ApiField<Integer> STATUS_READY_TIME_MMSS = BLOCK.duration("status_ready_time_mmss");
    public static final ApiField<Integer> STATUS_WAIT_TIME_SEC = BLOCK.integer("status_wait_time_sec");
    public static final ApiField<Integer> STATUS_WAIT_TIME_MMSS = BLOCK.duration("status_wait_time_mmss");
    public static final ApiField<Integer> STATUS_INCALL_TIME_SEC = BLOCK.integer("status_incall_time_sec");
    public static final ApiField<Integer> STATUS_INCALL_TIME_MMSS = BLOCK.duration("status_incall_time_mmss");
    public static final ApiField<Integer> STATUS_DISPO_TIME_SEC = BLOCK.integer("status_dispo_time_sec");
    public static final ApiField<Integer> STATUS_DISPO_TIME_MMSS = BLOCK.duration("status_dispo_time_mmss");
    public static final ApiField<Integer> STATUS_DEAD_TIME_SEC = BLOCK.integer("status_dead_time_sec");
    public static final ApiField<Integer> STATUS_DEAD_TIME_MMSS = BLOCK.duration("status_dead_time_mmss");
    public static final ApiField<Integer> STATUS_PREVIEW_TIME_SEC = BLOCK.integer("status_preview_time_sec");
    public static final ApiField<Integer> STATUS_PREVIEW_TIME_MMSS = BLOCK.duration("status_preview_time_mmss");
    public static final ApiField<Integer> STATUS_LENGTH_SEC = BLOCK.integer("status_length_sec");
    public static final ApiField<Integer> STATUS_LENGTH = BLOCK.duration("status_length");
    public static final ApiField<Integer> CAMPAIGN_SKILL = BLOCK.integer("campaign_skill");
    public static final ApiField<Integer> CAMPAIGN_WEIGHT = BLOCK.integer("campaign_weight");
    public static final ApiField<Boolean> FORCE_LOGOUT = BLOCK.flag("force_logout");
    public static final ApiField<Boolean> AWAITING_CONFIRMATION = BLOCK.flag("awaiting_confirmation");
    public static final ApiField<String> CONNECTION_TYPE = BLOCK.label("connection_type");
    public static final ApiField<String> CLASS = BLOCK.label("class");
    public static final ApiField<String> TEXT_CLASS = BLOCK.label("text_class");
    public static final ApiField<String[]> SKILL_OPTIONS = BLOCK.skills("skill_options");

    private AgentFields() {
    }
}
