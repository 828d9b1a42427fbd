package io.convosowarehouse.parse;

/** Maps an answer's {@code data} counters to the campaign and queue counter records. */
final class CounterBlocks {

    private CounterBlocks() {
    }

    static CampaignCounters campaign(LenientFields f) {
        return new CampaignCounters(
                f.id("campaign_id"),
                f.bigint("dialable_leads"),
                f.integer("calls_today"),
                f.integer("manual_calls_today"),
                f.integer("dropped"),
                f.decimal("dropped_percent"),
                f.decimal("agents_average_onemin"),
                f.integer("answered"),
                f.decimal("outbound_total_pause_avg"),
                f.decimal("outbound_total_wait_avg"),
                f.decimal("outbound_total_talk_avg"),
                f.decimal("outbound_total_dispo_avg"),
                f.integer("outbound_total_agents_today"),
                f.bigint("outbound_total_pause_avg_length"),
                f.bigint("outbound_total_wait_avg_length"),
                f.bigint("outbound_total_talk_avg_length"),
                f.bigint("outbound_total_dispo_avg_length"),
                f.integer("hopper"),
                f.integer("calls_placed"),
                f.integer("calls_ringing"),
                f.integer("calls_waiting_in"),
                f.integer("calls_waiting_out"),
                f.integer("amdmsgs"),
                f.integer("agent_total"),
                f.integer("agent_incall"),
                f.integer("agent_ready"),
                f.integer("agent_paused"),
                f.integer("agent_dead"),
                f.integer("agent_dispo"),
                f.bigint("agent_total_time"),
                f.bigint("agent_incall_time"),
                f.bigint("agent_ready_time"),
                f.bigint("agent_paused_time"),
                f.bigint("agent_dead_time"),
                f.bigint("agent_dispo_time"),
                f.integer("agent_total_time_count"),
                f.integer("agent_incall_time_count"),
                f.integer("agent_ready_time_count"),
                f.integer("agent_paused_time_count"),
                f.integer("agent_dead_time_count"),
                f.integer("agent_dispo_time_count"),
                f.bigint("agent_time_ready"),
                f.integer("agent_time_count_ready"),
                f.bigint("agent_time_incall"),
                f.integer("agent_time_count_incall"),
                f.bigint("agent_time_paused"),
                f.integer("agent_time_count_paused"),
                f.bigint("agent_time_dead"),
                f.integer("agent_time_count_dead"),
                f.bigint("agent_time_dispo"),
                f.integer("agent_time_count_dispo"),
                f.duration("agent_avg_incall"),
                f.duration("agent_avg_ready"),
                f.duration("agent_avg_paused"),
                f.duration("agent_avg_dispo"),
                f.duration("agent_avg_dead"));
    }

    static QueueCounters queue(LenientFields f) {
        return new QueueCounters(
                f.bigint("queue_dialable_leads"),
                f.integer("queue_calls_today"),
                f.integer("queue_dropped"),
                f.integer("queue_answered"),
                f.decimal("queue_answered_percent"),
                f.decimal("queue_dropped_percent"),
                f.decimal("inbound_total_pause_avg"),
                f.decimal("inbound_total_wait_avg"),
                f.decimal("inbound_total_talk_avg"),
                f.decimal("inbound_total_dispo_avg"),
                f.integer("inbound_total_agents_today"));
    }
}
