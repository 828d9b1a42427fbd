package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Rewrites a clean answer with the real API's habits, so clients are tested against them. Which agents
 * and answers are affected depends only on the seed, the user id and the minute, never on request order.
 *
 * <p>Quirky agents (about one in four): numeric {@code user_id} and {@code calls_today}, string
 * {@code total_calls}, "-" and "" placeholders swapped in {@code call_type}, {@code list_name},
 * {@code queue_id} and {@code queue_name}, "0000-00-00 00:00:00" for call timestamps from before the current
 * login, and an undocumented {@code agent_extra_note} field. Quirky answers (about every other minute):
 * {@code {}} instead of {@code []} for the empty {@code call_data} lists.
 */
public final class ApiQuirks {

    private static final List<String> PLACEHOLDER_FIELDS = List.of("call_type", "list_name", "queue_id", "queue_name");
    private static final List<String> CALL_TIMESTAMPS = List.of(
            "last_call_time", "last_call_finish", "last_inbound_call_time", "last_inbound_call_finish");

    private final long seed;

    ApiQuirks(long seed) {
        this.seed = seed;
    }

    void apply(ObjectNode answer, long now) {
        ObjectNode entries = (ObjectNode) answer.get("data").get("entries");
        for (JsonNode agent : entries.get("agents")) {
            ObjectNode node = (ObjectNode) agent;
            if (isQuirkyAgent(node.get("user_id").asString())) {
                loosenAgent(node, now);
            }
        }
        if (Math.floorMod(Seeds.mix(seed, now / 60), 2) == 0) {
            ObjectNode callData = (ObjectNode) entries.get("call_data");
            for (String list : List.copyOf(callData.propertyNames())) {
                if (callData.get(list).isEmpty()) {
                    callData.set(list, JsonNodeFactory.instance.objectNode());
                }
            }
        }
    }

    private boolean isQuirkyAgent(String userId) {
        return Math.floorMod(Seeds.mix(seed, Long.parseLong(userId)), 4) == 0;
    }

    private static void loosenAgent(ObjectNode agent, long now) {
        agent.put("user_id", Long.parseLong(agent.get("user_id").asString()));
        agent.put("calls_today", Long.parseLong(agent.get("calls_today").asString()));
        agent.put("total_calls", agent.get("total_calls").asString());
        for (String field : PLACEHOLDER_FIELDS) {
            String value = agent.get(field).asString();
            if (value.equals("-")) {
                agent.put(field, "");
            } else if (value.isEmpty()) {
                agent.put(field, "-");
            }
        }
        // The real API forgets calls from earlier sessions; the timestamp format sorts like the time.
        String login = LocalSeconds.timestamp(now - agent.get("status_time_sec").asLong());
        for (String field : CALL_TIMESTAMPS) {
            if (agent.get(field).asString().compareTo(login) < 0) {
                agent.put(field, LocalSeconds.NEVER);
            }
        }
        agent.put("agent_extra_note", "x");
    }
}
