package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.model.AgentProfile;
import io.convosowarehouse.simulator.model.CallQueue;
import java.util.List;

/**
 * The optional query filters of Agent Monitor Search; an empty string or list means "not filtered".
 *
 * @param campaignId the {@code campaign_id} parameter
 * @param queueId    the {@code queue_id} parameter
 * @param userId     the {@code user_id} parameter
 * @param skills     the {@code filter_by_skill_options} parameter split on commas; agents need any one
 */
public record AgentFilter(String campaignId, String queueId, String userId, List<String> skills) {

    public AgentFilter {
        campaignId = campaignId == null ? "" : campaignId.trim();
        queueId = queueId == null ? "" : queueId.trim();
        userId = userId == null ? "" : userId.trim();
        skills = skills == null ? List.of() : skills.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The whole account. */
    public static AgentFilter none() {
        return new AgentFilter("", "", "", List.of());
    }

    public static AgentFilter campaign(String campaignId) {
        return new AgentFilter(campaignId, "", "", List.of());
    }

    public static AgentFilter queue(String queueId) {
        return new AgentFilter("", queueId, "", List.of());
    }

    public static AgentFilter user(String userId) {
        return new AgentFilter("", "", userId, List.of());
    }

    public static AgentFilter skills(String... skills) {
        return new AgentFilter("", "", "", List.of(skills));
    }

    public boolean isAccountWide() {
        return campaignId.isEmpty() && queueId.isEmpty() && userId.isEmpty() && skills.isEmpty();
    }

    boolean matches(AgentProfile agent) {
        return (campaignId.isEmpty() || campaignId.equals(String.valueOf(agent.campaign().id())))
                && (queueId.isEmpty() || agent.queues().stream().anyMatch(q -> queueId.equals(String.valueOf(q.id()))))
                && (userId.isEmpty() || userId.equals(agent.userId()))
                && (skills.isEmpty() || skills.stream().anyMatch(agent.skills()::contains));
    }

    /** Whether an inbound call counts for the queue_* counters of this scope. */
    public boolean countsQueue(CallQueue queue) {
        return queueId.isEmpty() || queueId.equals(String.valueOf(queue.id()));
    }
}
