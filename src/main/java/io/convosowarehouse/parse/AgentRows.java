package io.convosowarehouse.parse;

/** Maps one agent object of an answer to an {@link AgentRow}, field by field. */
final class AgentRows {

    private AgentRows() {
    }

    /** The typed agent, or null when it has no user_id; problems are left in {@code f}. */
    static AgentRow read(LenientFields f) {
        Long userId = f.id("user_id");
        AgentRow row = new AgentRow(
                userId == null ? 0 : userId,
                f.text("user_full_name"),
                f.id("campaign_id"),
                f.text("campaign_name"),
                f.id("queue_id"),
                f.text("queue_name"),
                f.text("queue_assignment"),
                f.idList("queue_assignment_ids"),
                f.id("list_id"),
                f.text("list_name"),
                f.text("extension"),
                f.text("channel_type"),
                f.text("call_type"),
                f.id("lead_id"),
                f.id("call_log_id"),
                f.integer("calls_today"),
                f.integer("total_calls"),
                f.integer("since_last_update"),
                f.timestamp("last_state_change"),
                f.timestamp("last_call_time"),
                f.timestamp("last_update_time"),
                f.timestamp("last_call_finish"),
                f.timestamp("last_inbound_call_time"),
                f.timestamp("last_inbound_call_finish"),
                f.id("availability_id"),
                f.flag("inbound_only"),
                f.text("status"),
                f.text("status_label"),
                f.integer("status_time_sec"),
                f.duration("status_time_mmss"),
                f.integer("status_ready_time_sec"),
                f.duration("status_ready_time_mmss"),
                f.integer("status_wait_time_sec"),
                f.duration("status_wait_time_mmss"),
                f.integer("status_incall_time_sec"),
                f.duration("status_incall_time_mmss"),
                f.integer("status_dispo_time_sec"),
                f.duration("status_dispo_time_mmss"),
                f.integer("status_dead_time_sec"),
                f.duration("status_dead_time_mmss"),
                f.integer("status_preview_time_sec"),
                f.duration("status_preview_time_mmss"),
                f.integer("status_length_sec"),
                f.duration("status_length"),
                f.integer("campaign_skill"),
                f.integer("campaign_weight"),
                f.flag("force_logout"),
                f.flag("awaiting_confirmation"),
                f.text("connection_type"),
                f.text("class"),
                f.text("text_class"),
                f.skills("skill_options"));
        return userId == null ? null : row;
    }
}
