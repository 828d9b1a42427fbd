package io.convosowarehouse.derive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.convosowarehouse.testsupport.Fixtures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Account-wide answers made from the documented example, with the agents a test chooses, written as the
 * ndjson envelopes {@code ingest} reads. Each answer's data.time is its observation time in Los Angeles
 * local time, and it is received two seconds later.
 */
final class CraftedAnswers {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter CONVOSO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * One agent as an answer shows it; a NULL lastStateChange is sent as the API's zero date. Without a
     * {@link LastCall}, the call fields are the example's.
     */
    record Agent(long userId, String status, Instant lastStateChange, int callsToday, long campaignId, LastCall lastCall) {

        Agent(long userId, String status, Instant lastStateChange, int callsToday, long campaignId) {
            this(userId, status, lastStateChange, callsToday, campaignId, null);
        }
    }

    /**
     * The call fields of an agent row: NULL ids are sent as "0", NULL times as the API's zero date, a NULL
     * call type as "-".
     */
    record LastCall(Long callLogId, Instant start, Instant finish, String callType, Long leadId, Instant inboundStart) {
    }

    private final ObjectNode example = (ObjectNode) MAPPER.readTree(Fixtures.exampleAnswer());
    private final List<String> lines = new ArrayList<>();

    CraftedAnswers poll(Instant observedAt, List<Agent> agents) {
        ObjectNode body = example.deepCopy();
        ObjectNode entries = (ObjectNode) body.get("data").get("entries");
        ((ObjectNode) entries.get("data")).put("time", CONVOSO.format(observedAt));
        ObjectNode agentExample = (ObjectNode) entries.get("agents").get(0);
        ArrayNode list = entries.putArray("agents");
        for (Agent agent : agents) {
            ObjectNode node = agentExample.deepCopy();
            node.put("user_id", String.valueOf(agent.userId()));
            node.put("user_full_name", "Agent " + agent.userId());
            node.put("status", agent.status());
            node.put("status_label", agent.status().charAt(0) + agent.status().substring(1).toLowerCase(Locale.ROOT));
            node.put("last_state_change", convoso(agent.lastStateChange()));
            node.put("calls_today", String.valueOf(agent.callsToday()));
            node.put("campaign_id", String.valueOf(agent.campaignId()));
            node.put("campaign_name", "Campaign " + agent.campaignId());
            if (agent.lastCall() != null) {
                LastCall call = agent.lastCall();
                node.put("call_log_id", call.callLogId() == null ? "0" : call.callLogId().toString());
                node.put("lead_id", call.leadId() == null ? "0" : call.leadId().toString());
                node.put("call_type", call.callType() == null ? "-" : call.callType());
                node.put("last_call_time", convoso(call.start()));
                node.put("last_call_finish", convoso(call.finish()));
                node.put("last_inbound_call_time", convoso(call.inboundStart()));
            }
            list.add(node);
        }
        lines.add("{\"received_at\":\"" + observedAt.plusSeconds(2) + "\",\"scope\":\"account\",\"body\":"
                + MAPPER.writeValueAsString(body) + "}");
        return this;
    }

    private static String convoso(Instant instant) {
        return instant == null ? "0000-00-00 00:00:00" : CONVOSO.format(instant);
    }

    Path write(Path file) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
