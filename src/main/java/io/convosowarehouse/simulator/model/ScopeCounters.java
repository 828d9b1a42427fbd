package io.convosowarehouse.simulator.model;

/**
 * Everything the {@code data} section reports for one scope at one second.
 *
 * @param campaignId     the campaign filter, "" when not filtered by campaign
 * @param today          state seconds and entries since midnight, summed over the scope's agents
 * @param sessionsToday  agent sessions open at some point since midnight
 * @param census         logged-in agents by current state
 * @param dialableLeads  leads the scope's campaigns can still dial today
 */
public record ScopeCounters(String campaignId, CallCounters calls, DirectionTotals inbound, DirectionTotals outbound,
                     StateTotals today, long sessionsToday, StateCensus census, long dialableLeads,
                     long queueDialableLeads, long hopper) {

    public long loggedIn() {
        return census.total();
    }

    public long available() {
        return census.ready().count();
    }
}
