package io.convosowarehouse.simulator.model;

import java.util.List;

/**
 * How many logged-in agents are in each reported state group right now, and how long they have been there.
 * WAIT agents count as ready, as on Convoso's wallboard.
 */
public record StateCensus(Group ready, Group incall, Group paused, Group dead, Group dispo) {

    static StateCensus of(List<AgentSnapshot> agents) {
        return new StateCensus(
                group(agents, AgentStatus.READY, AgentStatus.WAIT),
                group(agents, AgentStatus.INCALL),
                group(agents, AgentStatus.PAUSED),
                group(agents, AgentStatus.DEAD),
                group(agents, AgentStatus.DISPO));
    }

    public long total() {
        return ready.count() + incall.count() + paused.count() + dead.count() + dispo.count();
    }

    private static Group group(List<AgentSnapshot> agents, AgentStatus... statuses) {
        List<AgentSnapshot> members = agents.stream()
                .filter(agent -> List.of(statuses).contains(agent.status()))
                .toList();
        return new Group(members.size(), members.stream().mapToLong(AgentSnapshot::statusLengthSeconds).sum());
    }

    /** Agents in a state group and the sum of their current status lengths. */
    public record Group(long count, long seconds) {

        public long averageSeconds() {
            return count == 0 ? 0 : seconds / count;
        }
    }
}
