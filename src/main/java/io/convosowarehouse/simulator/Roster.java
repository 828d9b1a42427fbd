package io.convosowarehouse.simulator;

import java.util.List;

/** The account's campaigns, queues and agents, in the order the API lists them. */
record Roster(List<Campaign> campaigns, List<CallQueue> queues, List<AgentProfile> agents) {

    Roster {
        campaigns = List.copyOf(campaigns);
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }
}
