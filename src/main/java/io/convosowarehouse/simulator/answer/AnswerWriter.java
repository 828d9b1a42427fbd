package io.convosowarehouse.simulator.answer;

import io.convosowarehouse.simulator.model.AgentSnapshot;
import io.convosowarehouse.simulator.model.Roster;
import io.convosowarehouse.simulator.model.ScopeCounters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Assembles the success envelope around the agents and the counters. */
public final class AnswerWriter {

    private static final List<String> CALL_DATA_LISTS = List.of(
            "inbound_active_calls", "outbound_active_calls", "available_agents", "lead_id_to_user_id", "users");

    private final AgentWriter agentWriter;
    private final DataSectionWriter dataWriter = new DataSectionWriter();

    AnswerWriter(long seed) {
        this.agentWriter = new AgentWriter(seed);
    }

    ObjectNode write(Roster roster, List<AgentSnapshot> agents, ScopeCounters counters, long now) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("success", true);
        ObjectNode data = answer.putObject("data");
        ObjectNode entries = data.putObject("entries");
        entries.put("success", true);
        entries.put("code", 200);
        ArrayNode campaigns = entries.putArray("campaigns");
        roster.campaigns().forEach(c -> campaigns.addObject().put("value", c.id()).put("name", c.name()));
        ArrayNode queues = entries.putArray("queues");
        roster.queues().forEach(q -> queues.addObject().put("value", q.id()).put("name", q.name()));
        ArrayNode agentNodes = entries.putArray("agents");
        agents.forEach(agent -> agentNodes.add(agentWriter.write(agent)));
        // Live call details are not modelled; the lists are present and empty, as the example shows them.
        ObjectNode callData = entries.putObject("call_data");
        CALL_DATA_LISTS.forEach(callData::putArray);
        entries.put("out_of_funds", false);
        entries.set("data", dataWriter.write(counters, now));
        data.put("available_agents", counters.available());
        data.put("logged_in_agents", counters.loggedIn());
        return answer;
    }
}
