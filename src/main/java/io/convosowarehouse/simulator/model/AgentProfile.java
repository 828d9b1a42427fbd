package io.convosowarehouse.simulator.model;

import java.time.LocalTime;
import java.util.List;

/** The static facts about one agent: who they are, where they work and when their shift starts. */
public record AgentProfile(
        int index,
        String userId,
        String fullName,
        Campaign campaign,
        List<CallQueue> queues,
        String extension,
        String connectionType,
        List<String> skills,
        LocalTime shiftStart,
        boolean inboundOnly) {

    public AgentProfile {
        queues = List.copyOf(queues);
        skills = List.copyOf(skills);
    }

    /** Convoso's pipe-wrapped skill list, e.g. "|Spanish|TechSupport|" or "||" for none. */
    public String skillOptions() {
        return "|" + String.join("|", skills) + "|";
    }
}
