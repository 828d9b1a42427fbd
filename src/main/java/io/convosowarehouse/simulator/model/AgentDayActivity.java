package io.convosowarehouse.simulator.model;

import java.util.List;

/**
 * What one agent did between local midnight and now, whether or not they are still logged in.
 *
 * @param today         state seconds in [midnight, now) and spans entered in (midnight, now]
 * @param calls         calls started in [midnight, now]
 * @param sessionsToday sessions that were open at some point since midnight
 */
public record AgentDayActivity(AgentProfile agent, StateTotals today, List<CallRecord> calls, int sessionsToday) {

    public AgentDayActivity {
        calls = List.copyOf(calls);
    }

    boolean tookCall(boolean inbound) {
        return calls.stream().anyMatch(call -> call.inbound() == inbound);
    }
}
