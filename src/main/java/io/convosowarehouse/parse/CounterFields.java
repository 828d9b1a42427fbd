package io.convosowarehouse.parse;

/**
 * The counters of an answer's data.entries.data object, as two blocks: the campaign/outbound counters
 * (warehouse.campaign_stats) and the queue/inbound counters (warehouse.queue_stats). Columns are the API names;
 * agent_avg_* are "MM:SS" strings stored as seconds.
 */
public final class CounterFields {

    public static final FieldBlock CAMPAIGN = new FieldBlock();
    public static final FieldBlock QUEUE = new FieldBlock();

    static {
        CAMPAIGN.id("campaign_id");
        CAMPAIGN.bigint("dialable_leads");
        CAMPAIGN.integer("calls_today");
        CAMPAIGN.integer("manual_calls_today");
        CAMPAIGN.integer("dropped");
        CAMPAIGN.decimal("dropped_percent");
        CAMPAIGN.decimal("agents_average_onemin");
        CAMPAIGN.integer("answered");
        CAMPAIGN.decimal("outbound_total_pause_avg");
        CAMPAIGN.decimal("outbound_total_wait_avg");
        CAMPAIGN.decimal("outbound_total_talk_avg");
        CAMPAIGN.decimal("outbound_total_dispo_avg");
        CAMPAIGN.integer("outbound_total_agents_today");
        CAMPAIGN.bigint("outbound_total_pause_avg_length");
        CAMPAIGN.bigint("outbound_total_wait_avg_length");
        CAMPAIGN.bigint("outbound_total_talk_avg_length");
        CAMPAIGN.bigint("outbound_total_dispo_avg_length");
        CAMPAIGN.integer("hopper");
        CAMPAIGN.integer("calls_placed");
        CAMPAIGN.integer("calls_ringing");
        CAMPAIGN.integer("calls_waiting_in");
        CAMPAIGN.integer("calls_waiting_out");
        CAMPAIGN.integer("amdmsgs");
        CAMPAIGN.integer("agent_total");
        CAMPAIGN.integer("agent_incall");
        CAMPAIGN.integer("agent_ready");
        CAMPAIGN.integer("agent_paused");
        CAMPAIGN.integer("agent_dead");
        CAMPAIGN.integer("agent_dispo");
        CAMPAIGN.bigint("agent_total_time");
        CAMPAIGN.bigint("agent_incall_time");
        CAMPAIGN.bigint("agent_ready_time");
        CAMPAIGN.bigint("agent_paused_time");
        CAMPAIGN.bigint("agent_dead_time");
        CAMPAIGN.bigint("agent_dispo_time");
        CAMPAIGN.integer("agent_total_time_count");
        CAMPAIGN.integer("agent_incall_time_count");
        CAMPAIGN.integer("agent_ready_time_count");
        CAMPAIGN.integer("agent_paused_time_count");
        CAMPAIGN.integer("agent_dead_time_count");
        CAMPAIGN.integer("agent_dispo_time_count");
        CAMPAIGN.bigint("agent_time_ready");
        CAMPAIGN.integer("agent_time_count_ready");
        CAMPAIGN.bigint("agent_time_incall");
        CAMPAIGN.integer("agent_time_count_incall");
        CAMPAIGN.bigint("agent_time_paused");
        CAMPAIGN.integer("agent_time_count_paused");
        CAMPAIGN.bigint("agent_time_dead");
        CAMPAIGN.integer("agent_time_count_dead");
        CAMPAIGN.bigint("agent_time_dispo");
        CAMPAIGN.integer("agent_time_count_dispo");
        CAMPAIGN.duration("agent_avg_incall");
        CAMPAIGN.duration("agent_avg_ready");
        CAMPAIGN.duration("agent_avg_paused");
        CAMPAIGN.duration("agent_avg_dispo");
        CAMPAIGN.duration("agent_avg_dead");

        QUEUE.bigint("queue_dialable_leads");
        QUEUE.integer("queue_calls_today");
        QUEUE.integer("queue_dropped");
        QUEUE.integer("queue_answered");
        QUEUE.decimal("queue_answered_percent");
        QUEUE.decimal("queue_dropped_percent");
        QUEUE.decimal("inbound_total_pause_avg");
        QUEUE.decimal("inbound_total_wait_avg");
        QUEUE.decimal("inbound_total_talk_avg");
        QUEUE.decimal("inbound_total_dispo_avg");
        QUEUE.integer("inbound_total_agents_today");
    }

    private CounterFields() {
    }
}
