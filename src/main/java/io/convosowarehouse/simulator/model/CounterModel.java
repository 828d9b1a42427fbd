package io.convosowarehouse.simulator.model;

import io.convosowarehouse.simulator.answer.AgentFilter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Derives a scope's counters from its agents. Daily counters only sum calls and state time since local
 * midnight, so within a day they can only grow, and they restart from zero when the date changes.
 */
public final class CounterModel {

    /** Leads the dialer keeps loaded per logged-in agent. */
    private static final long HOPPER_PER_AGENT = 40;

    private final Roster roster;

    public CounterModel(Roster roster) {
        this.roster = roster;
    }

    public ScopeCounters count(AgentFilter filter, List<AgentDayActivity> activity, List<AgentSnapshot> loggedIn) {
        CallCounters calls = calls(filter, activity);
        StateTotals today = activity.stream().map(AgentDayActivity::today).reduce(StateTotals.ZERO, StateTotals::plus);
        long sessions = activity.stream().mapToLong(AgentDayActivity::sessionsToday).sum();
        long outboundAttempts = activity.stream().flatMap(a -> a.calls().stream())
                .filter(call -> !call.inbound()).mapToLong(CallRecord::dialAttempts).sum();
        long dialable = Math.max(0, campaigns(filter, activity).mapToLong(Campaign::dialableLeads).sum()
                - outboundAttempts);
        long queueDialable = Math.max(0, queues(filter, activity).mapToLong(CallQueue::dialableLeads).sum()
                - calls.queueCallsToday());
        long hopper = Math.min(dialable, HOPPER_PER_AGENT * loggedIn.size());
        return new ScopeCounters(filter.campaignId(), calls, direction(activity, true), direction(activity, false),
                today, sessions, StateCensus.of(loggedIn), dialable, queueDialable, hopper);
    }

    private static CallCounters calls(AgentFilter filter, List<AgentDayActivity> activity) {
        long callsToday = 0;
        long manual = 0;
        long answered = 0;
        long dropped = 0;
        long queueCalls = 0;
        long queueAnswered = 0;
        long queueDropped = 0;
        for (CallRecord call : activity.stream().flatMap(a -> a.calls().stream()).toList()) {
            callsToday += call.callsCounted();
            manual += call.manual() ? 1 : 0;
            answered++;
            dropped += call.dropped() ? 1 : 0;
            if (call.inbound() && filter.countsQueue(call.queue())) {
                queueCalls += call.callsCounted();
                queueAnswered++;
                queueDropped += call.dropped() ? 1 : 0;
            }
        }
        return new CallCounters(callsToday, manual, answered, dropped, queueCalls, queueAnswered, queueDropped);
    }

    private static DirectionTotals direction(List<AgentDayActivity> activity, boolean inbound) {
        List<AgentDayActivity> agents = activity.stream().filter(a -> a.tookCall(inbound)).toList();
        StateTotals time = agents.stream().map(AgentDayActivity::today).reduce(StateTotals.ZERO, StateTotals::plus);
        return new DirectionTotals(agents.size(),
                agents.stream().mapToLong(a -> a.calls().size()).sum(),
                time.seconds(AgentStatus.PAUSED),
                time.seconds(AgentStatus.READY) + time.seconds(AgentStatus.WAIT),
                time.seconds(AgentStatus.INCALL),
                time.seconds(AgentStatus.DISPO));
    }

    private Stream<Campaign> campaigns(AgentFilter filter, List<AgentDayActivity> activity) {
        if (filter.isAccountWide()) {
            return roster.campaigns().stream();
        }
        return activity.stream().map(a -> a.agent().campaign()).distinct();
    }

    private Stream<CallQueue> queues(AgentFilter filter, List<AgentDayActivity> activity) {
        if (filter.isAccountWide()) {
            return roster.queues().stream();
        }
        return activity.stream().flatMap(a -> a.agent().queues().stream()).distinct().filter(filter::countsQueue);
    }
}
