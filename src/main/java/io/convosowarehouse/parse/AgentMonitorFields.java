package io.convosowarehouse.parse;

import java.util.Set;

/** The field names the Agent Monitor Search documentation lists, per object; anything else is drift. */
final class AgentMonitorFields {

    static final Set<String> TOP = Set.of("success", "data", "code", "text");

    static final Set<String> DATA = Set.of("entries", "available_agents", "logged_in_agents");

    static final Set<String> ENTRIES = Set.of(
            "success", "code", "campaigns", "queues", "agents", "call_data", "out_of_funds", "data");

    static final Set<String> NAMED_ID = Set.of("value", "name");

    static final Set<String> AGENT = Set.of(
            "user_id", "user_full_name", "campaign_id", "campaign_name", "queue_id", "queue_name",
            "queue_assignment", "queue_assignment_ids", "list_id", "list_name", "extension", "channel_type",
            "call_type", "lead_id", "call_log_id", "calls_today", "total_calls", "since_last_update",
            "last_state_change", "last_call_time", "last_update_time", "last_call_finish",
            "last_inbound_call_time", "last_inbound_call_finish", "availability_id", "inbound_only", "status",
            "status_label", "status_time_sec", "status_time_mmss", "status_ready_time_sec",
            "status_ready_time_mmss", "status_wait_time_sec", "status_wait_time_mmss", "status_incall_time_sec",
            "status_incall_time_mmss", "status_dispo_time_sec", "status_dispo_time_mmss", "status_dead_time_sec",
            "status_dead_time_mmss", "status_preview_time_sec", "status_preview_time_mmss", "status_length_sec",
            "status_length", "campaign_skill", "campaign_weight", "force_logout", "awaiting_confirmation",
            "connection_type", "class", "text_class", "skill_options");

    static final Set<String> QUEUE_COUNTERS = Set.of(
            "queue_dialable_leads", "queue_calls_today", "queue_dropped", "queue_answered",
            "queue_answered_percent", "queue_dropped_percent", "inbound_total_pause_avg", "inbound_total_wait_avg",
            "inbound_total_talk_avg", "inbound_total_dispo_avg", "inbound_total_agents_today");

    static final Set<String> CAMPAIGN_COUNTERS = Set.of(
            "campaign_id", "dialable_leads", "calls_today", "manual_calls_today", "dropped", "dropped_percent",
            "agents_average_onemin", "answered", "outbound_total_pause_avg", "outbound_total_wait_avg",
            "outbound_total_talk_avg", "outbound_total_dispo_avg", "outbound_total_agents_today",
            "outbound_total_pause_avg_length", "outbound_total_wait_avg_length", "outbound_total_talk_avg_length",
            "outbound_total_dispo_avg_length", "hopper", "calls_placed", "calls_ringing", "calls_waiting_in",
            "calls_waiting_out", "amdmsgs", "agent_total", "agent_incall", "agent_ready", "agent_paused",
            "agent_dead", "agent_dispo", "agent_total_time", "agent_incall_time", "agent_ready_time",
            "agent_paused_time", "agent_dead_time", "agent_dispo_time", "agent_total_time_count",
            "agent_incall_time_count", "agent_ready_time_count", "agent_paused_time_count",
            "agent_dead_time_count", "agent_dispo_time_count", "agent_time_ready", "agent_time_count_ready",
            "agent_time_incall", "agent_time_count_incall", "agent_time_paused", "agent_time_count_paused",
            "agent_time_dead", "agent_time_count_dead", "agent_time_dispo", "agent_time_count_dispo",
            "agent_avg_incall", "agent_avg_ready", "agent_avg_paused", "agent_avg_dispo", "agent_avg_dead");

    /** data.time is the observation time, read apart from the counters. */
    static final String TIME = "time";

    private AgentMonitorFields() {
    }
}
