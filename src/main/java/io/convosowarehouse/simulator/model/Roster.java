package io.convosowarehouse.simulator.model;

import java.util.List;

/** The account's campaigns, queues and agents, in the order the API lists them. */
public record Roster(List<Campaign> campaigns, List<CallQueue> queues, List<AgentProfile> agents) {

    public Roster {
        campaigns = List.copyOf(campaigns);
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }
}
