package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.AgentStatus;
import io.convosowarehouse.simulator.model.CallCounters;
import io.convosowarehouse.simulator.model.DirectionTotals;
import io.convosowarehouse.simulator.model.ScopeCounters;
import io.convosowarehouse.simulator.model.StateCensus;
import io.convosowarehouse.simulator.model.StateTotals;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Renders a scope's counters as the {@code data} object, with the documented string/number typing. */
public final class DataSectionWriter {

    /** The predictive dialer keeps two lines ringing per available agent. */
    private static final long LINES_PER_AVAILABLE_AGENT = 2;

    ObjectNode write(ScopeCounters counters, long now) {
        CallCounters calls = counters.calls();
        StateCensus census = counters.census();
        StateTotals today = counters.today();
        long ringing = LINES_PER_AVAILABLE_AGENT * counters.available();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("queue_dialable_leads", String.valueOf(counters.queueDialableLeads()));
        data.put("queue_calls_today", String.valueOf(calls.queueCallsToday()));
        data.put("queue_dropped", String.valueOf(calls.queueDropped()));
        data.put("queue_answered", String.valueOf(calls.queueAnswered()));
        averages(data, "inbound_total", counters.inbound());
        data.put("inbound_total_agents_today", String.valueOf(counters.inbound().agents()));
        data.put("queue_answered_percent", percent(calls.queueAnswered(), calls.queueCallsToday()));
        data.put("queue_dropped_percent", percent(calls.queueDropped(), calls.queueCallsToday()));
        data.put("campaign_id", counters.campaignId());
        data.put("dialable_leads", String.valueOf(counters.dialableLeads()));
        data.put("calls_today", String.valueOf(calls.callsToday()));
        data.put("manual_calls_today", String.valueOf(calls.manualCallsToday()));
        data.put("dropped", String.valueOf(calls.dropped()));
        data.put("dropped_percent", percent(calls.dropped(), calls.callsToday()));
        data.put("agents_average_onemin", twoDecimals(counters.loggedIn() == 0 ? 0
                : (double) counters.available() / counters.loggedIn()));
        data.put("answered", String.valueOf(calls.answered()));
        averages(data, "outbound_total", counters.outbound());
        data.put("outbound_total_agents_today", String.valueOf(counters.outbound().agents()));
        data.put("outbound_total_pause_avg_length", String.valueOf(counters.outbound().pauseSeconds()));
        data.put("outbound_total_wait_avg_length", String.valueOf(counters.outbound().waitSeconds()));
        data.put("outbound_total_talk_avg_length", String.valueOf(counters.outbound().talkSeconds()));
        data.put("outbound_total_dispo_avg_length", String.valueOf(counters.outbound().dispoSeconds()));
        data.put("time", LocalSeconds.timestamp(now));
        data.put("hopper", String.valueOf(counters.hopper()));
        data.put("calls_placed", census.incall().count() + ringing);
        data.put("calls_ringing", ringing);
        // Callers only queue up when nobody is free to take them.
        data.put("calls_waiting_in", counters.available() == 0 && counters.loggedIn() > 0 ? 1 : 0);
        data.put("calls_waiting_out", census.ready().count() == 0 ? 0 : ringing / 10);
        data.put("amdmsgs", ringing / 8);
        data.put("agent_total", census.total());
        data.put("agent_incall", census.incall().count());
        data.put("agent_ready", census.ready().count());
        data.put("agent_paused", census.paused().count());
        data.put("agent_dead", census.dead().count());
        data.put("agent_dispo", census.dispo().count());
        data.put("agent_total_time", today.totalSeconds());
        data.put("agent_incall_time", today.seconds(AgentStatus.INCALL));
        data.put("agent_ready_time", today.seconds(AgentStatus.READY) + today.seconds(AgentStatus.WAIT));
        data.put("agent_paused_time", today.seconds(AgentStatus.PAUSED));
        data.put("agent_dead_time", today.seconds(AgentStatus.DEAD));
        data.put("agent_dispo_time", today.seconds(AgentStatus.DISPO));
        data.put("agent_total_time_count", counters.sessionsToday());
        data.put("agent_incall_time_count", today.entered(AgentStatus.INCALL));
        data.put("agent_ready_time_count", today.entered(AgentStatus.READY) + today.entered(AgentStatus.WAIT));
        data.put("agent_paused_time_count", today.entered(AgentStatus.PAUSED));
        data.put("agent_dead_time_count", today.entered(AgentStatus.DEAD));
        data.put("agent_dispo_time_count", today.entered(AgentStatus.DISPO));
        census(data, "ready", census.ready());
        census(data, "incall", census.incall());
        census(data, "paused", census.paused());
        census(data, "dead", census.dead());
        census(data, "dispo", census.dispo());
        data.put("agent_avg_incall", LocalSeconds.hhmmss(census.incall().averageSeconds()));
        data.put("agent_avg_ready", LocalSeconds.hhmmss(census.ready().averageSeconds()));
        data.put("agent_avg_paused", LocalSeconds.hhmmss(census.paused().averageSeconds()));
        data.put("agent_avg_dispo", LocalSeconds.hhmmss(census.dispo().averageSeconds()));
        data.put("agent_avg_dead", LocalSeconds.hhmmss(census.dead().averageSeconds()));
        return data;
    }

    /** Average minutes per call of pause, wait, talk and dispo, as "x.xx". */
    private static void averages(ObjectNode data, String prefix, DirectionTotals totals) {
        data.put(prefix + "_pause_avg", minutesPerCall(totals.pauseSeconds(), totals.calls()));
        data.put(prefix + "_wait_avg", minutesPerCall(totals.waitSeconds(), totals.calls()));
        data.put(prefix + "_talk_avg", minutesPerCall(totals.talkSeconds(), totals.calls()));
        data.put(prefix + "_dispo_avg", minutesPerCall(totals.dispoSeconds(), totals.calls()));
    }

    private static void census(ObjectNode data, String state, StateCensus.Group group) {
        data.put("agent_time_" + state, group.seconds());
        data.put("agent_time_count_" + state, group.count());
    }

    private static String minutesPerCall(long seconds, long calls) {
        return twoDecimals(calls == 0 ? 0 : seconds / 60.0 / calls);
    }

    private static String percent(long part, long whole) {
        return twoDecimals(whole == 0 ? 0 : 100.0 * part / whole);
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
