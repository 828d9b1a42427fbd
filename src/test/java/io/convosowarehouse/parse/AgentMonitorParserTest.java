package io.convosowarehouse.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The parser is as lenient as the API and strict about what cannot be stored. */
class AgentMonitorParserTest {

    private static final Instant RECEIVED = Instant.parse("2025-06-02T17:51:50Z");
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final AgentMonitorParser parser = new AgentMonitorParser(mapper);
    private final ConvosoTime time = new ConvosoTime(ZoneId.of("America/Los_Angeles"));

    @Test
    void theExampleAnswerParsesWithNothingRejected() throws IOException {
        ParsedAnswer answer = parsed(example());
        assertThat(answer.agents()).hasSize(1);
        assertThat(answer.rejections()).isEmpty();
        assertThat(answer.unknownFields()).isEmpty();
        assertThat(answer.observedAt()).isEqualTo("2025-06-02T17:51:47Z");
        assertThat(answer.campaigns()).containsExactly(new NamedId(1234, "My Campaign Name"));
    }

    @Test
    void numbersMayComeAsStringsAndStringsAsNumbers() throws IOException {
        ObjectNode answer = example();
        ObjectNode agent = agent(answer);
        agent.put("user_id", 123456).put("total_calls", "17").put("calls_today", 17).put("status_time_sec", "31447")
                .put("campaign_id", 9999).put("inbound_only", 1).put("extension", 4711);
        AgentRow row = parsed(answer).agents().get(0);
        assertThat(row.userId()).isEqualTo(123456L);
        assertThat(row.totalCalls()).isEqualTo(17);
        assertThat(row.callsToday()).isEqualTo(17);
        assertThat(row.statusTimeSec()).isEqualTo(31447);
        assertThat(row.campaignId()).isEqualTo(9999L);
        assertThat(row.inboundOnly()).isTrue();
        assertThat(row.extension()).isEqualTo("4711");
    }

    @Test
    void placeholdersZeroIdsAndZeroDatesMeanNull() throws IOException {
        ObjectNode answer = example();
        agent(answer).put("campaign_id", "0").put("campaign_name", "-").put("queue_name", "").put("lead_id", "-")
                .put("last_call_time", "0000-00-00 00:00:00").put("calls_today", "").put("status_time_mmss", "-");
        AgentRow row = parsed(answer).agents().get(0);
        assertThat(row.campaignId()).isNull();
        assertThat(row.campaignName()).isNull();
        assertThat(row.queueName()).isNull();
        assertThat(row.leadId()).isNull();
        assertThat(row.lastCallTime()).isNull();
        assertThat(row.callsToday()).isNull();
        assertThat(row.statusTimeMmss()).isNull();
    }

    @Test
    void anEmptyListMayComeAsAnEmptyObject() throws IOException {
        ObjectNode answer = example();
        agent(answer).set("queue_assignment_ids", mapper.createObjectNode());
        entries(answer).set("queues", mapper.createObjectNode());
        ParsedAnswer parsed = parsed(answer);
        assertThat(parsed.agents().get(0).queueAssignmentIds()).isEmpty();
        assertThat(parsed.queues()).isEmpty();
        assertThat(parsed.rejections()).isEmpty();

        entries(answer).set("agents", mapper.createObjectNode());
        assertThat(parsed(answer).agents()).isEmpty();
        assertThat(parsed(answer).rejections()).isEmpty();
    }

    @Test
    void namesAreKeptExactlyWhateverCharactersTheyHold() throws IOException {
        String name = "Zoë \"Z\" O'Brien\t\\ back\nslash 🎧";
        ObjectNode answer = example();
        agent(answer).put("user_full_name", name).put("skill_options", "|Spanish|Tech Support|");
        AgentRow row = parsed(answer).agents().get(0);
        assertThat(row.userFullName()).isEqualTo(name);
        assertThat(row.skillOptions()).containsExactly("Spanish", "Tech Support");
    }

    @Test
    void aValueThatCannotBeStoredRejectsItsAgentAndTheRestStillLoads() throws IOException {
        ObjectNode answer = example();
        ObjectNode second = agent(answer).deepCopy().put("user_id", "777").put("calls_today", "lots")
                .put("total_calls", "99999999999");
        ObjectNode third = agent(answer).deepCopy().put("user_id", "888").put("last_state_change", "yesterday");
        entries(answer).withArray("agents").add(second).add(third);

        ParsedAnswer parsed = parsed(answer);

        assertThat(parsed.agents()).extracting(AgentRow::userId).containsExactly(123456L);
        assertThat(parsed.rejections()).hasSize(2);
        Rejection first = parsed.rejections().get(0);
        assertThat(first.jsonPath()).isEqualTo("data.entries.agents[1]");
        assertThat(first.reason()).contains("calls_today: not a whole number in range: \"lots\"")
                .contains("total_calls: out of range for an integer: 99999999999");
        assertThat(first.fragment()).contains("\"user_id\":\"777\"");
        assertThat(parsed.rejections().get(1).reason()).contains("last_state_change: not a yyyy-MM-dd HH:mm:ss timestamp");
    }

    @Test
    void timestampsReadAsTheFormatterReadsThemEvenPastAMonthsEnd() throws IOException {
        assertThat(lastStateChange(" 2025-06-02 10:51:47 ")).isEqualTo("2025-06-02T17:51:47Z");
        assertThat(lastStateChange("2025-02-30 10:00:00")).isEqualTo("2025-02-28T18:00:00Z");
        assertThat(lastStateChange("2025-06-02 24:00:00")).isEqualTo("2025-06-03T07:00:00Z");
        assertThat(lastStateChange("0000-01-01 00:00:00")).isEqualTo("rejected");
        assertThat(lastStateChange("2025-13-01 10:00:00")).isEqualTo("rejected");
        assertThat(lastStateChange("2025-06-02T10:51:47")).isEqualTo("rejected");
    }

    @Test
    void durationsAreHoursMinutesSecondsOrMinutesSeconds() throws IOException {
        assertThat(statusTimeMmss("08:44:07")).isEqualTo("31447");
        assertThat(statusTimeMmss(" 05:03 ")).isEqualTo("303");
        assertThat(statusTimeMmss("123456789:00:00")).isEqualTo("rejected"); // beyond an integer of seconds
        assertThat(statusTimeMmss("1234567890:00")).isEqualTo("rejected");
        assertThat(statusTimeMmss("1:2:3:4")).isEqualTo("rejected");
        assertThat(statusTimeMmss("12")).isEqualTo("rejected");
        assertThat(statusTimeMmss("12:")).isEqualTo("rejected");
        assertThat(statusTimeMmss(":12")).isEqualTo("rejected");
        assertThat(statusTimeMmss("1 2:00")).isEqualTo("rejected");
    }

    private String lastStateChange(String value) throws IOException {
        ObjectNode answer = example();
        agent(answer).put("last_state_change", value);
        ParsedAnswer parsed = parsed(answer);
        return parsed.agents().isEmpty() ? "rejected" : String.valueOf(parsed.agents().get(0).lastStateChange());
    }

    private String statusTimeMmss(String value) throws IOException {
        ObjectNode answer = example();
        agent(answer).put("status_time_mmss", value);
        ParsedAnswer parsed = parsed(answer);
        return parsed.agents().isEmpty() ? "rejected" : String.valueOf(parsed.agents().get(0).statusTimeMmss());
    }

    @Test
    void aDuplicateAgentKeepsTheFirstAndRejectsTheSecond() throws IOException {
        ObjectNode answer = example();
        entries(answer).withArray("agents").add(agent(answer).deepCopy().put("status", "PAUSED"));
        ParsedAnswer parsed = parsed(answer);
        assertThat(parsed.agents()).extracting(AgentRow::status).containsExactly("READY");
        assertThat(parsed.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("appears twice"));
    }

    @Test
    void anAgentWithoutAnIdIsRejected() throws IOException {
        ObjectNode answer = example();
        agent(answer).put("user_id", "-");
        assertThat(parsed(answer).agents()).isEmpty();
        assertThat(parsed(answer).rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("user_id: missing"));
    }

    @Test
    void undocumentedFieldsAreReportedOncePerPathAndType() throws IOException {
        ObjectNode answer = example();
        agent(answer).put("agent_extra_note", "x");
        entries(answer).withArray("agents").add(agent(answer).deepCopy().put("user_id", "2").put("agent_extra_note", "y"));
        counters(answer).put("new_counter", 5);
        ParsedAnswer parsed = parsed(answer);
        assertThat(parsed.unknownFields()).containsExactly(
                new UnknownField("data.entries.agents[].agent_extra_note", "string", "\"x\""),
                new UnknownField("data.entries.data.new_counter", "number", "5"));
        assertThat(parsed.agents()).hasSize(2);
    }

    @Test
    void aBadCounterRejectsItsCounterBlockOnly() throws IOException {
        ObjectNode answer = example();
        counters(answer).put("dropped_percent", "n/a");
        ParsedAnswer parsed = parsed(answer);
        assertThat(parsed.campaignCounters()).isNull();
        assertThat(parsed.queueCounters()).isNotNull();
        assertThat(parsed.agents()).hasSize(1);
        assertThat(parsed.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("campaign counters: dropped_percent: not a number"));
    }

    @Test
    void successFalseIsRefusedWithTheApisCodeAndText() {
        ParseOutcome outcome = parse("{\"success\":false,\"code\":401,\"text\":\"Invalid auth token\"}");
        assertThat(outcome).isInstanceOfSatisfying(RefusedAnswer.class, refused -> {
            assertThat(refused.apiCode()).isEqualTo(401);
            assertThat(refused.reason()).isEqualTo("the API answered success:false with code 401: Invalid auth token");
        });
    }

    @Test
    void bodiesThatAreNotAnAgentMonitorAnswerAreRefused() {
        assertThat(parse("<html><body>502 Bad Gateway</body></html>")).isInstanceOfSatisfying(RefusedAnswer.class,
                refused -> assertThat(refused.reason()).startsWith("not valid JSON"));
        assertThat(parse("{\"success\":true,\"data\":{\"entries\":{\"agents\":[")).isInstanceOfSatisfying(RefusedAnswer.class,
                refused -> assertThat(refused.reason()).startsWith("not valid JSON"));
        assertThat(parse("[1,2]")).isInstanceOfSatisfying(RefusedAnswer.class,
                refused -> assertThat(refused.reason()).contains("not a JSON object"));
        assertThat(parse("{\"success\":true,\"data\":{}}")).isInstanceOfSatisfying(RefusedAnswer.class,
                refused -> assertThat(refused.reason()).contains("no data.entries"));
        assertThat(parser.parse(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, time, RECEIVED))
                .isInstanceOf(RefusedAnswer.class);
    }

    @Test
    void onAFallBackNightAgentTimesAreResolvedAgainstTheAnswersOwnTime() throws IOException {
        // 01:00-02:00 happens twice in Los Angeles on 2025-11-02; data.time 01:45 is read as 09:45Z (PST)
        ObjectNode answer = example();
        counters(answer).put("time", "2025-11-02 01:45:00");
        agent(answer).put("last_state_change", "2025-11-02 01:50:00");
        ParseOutcome outcome = parser.parse(mapper.writeValueAsBytes(answer), time, Instant.parse("2025-11-02T10:00:00Z"));

        ParsedAnswer parsed = (ParsedAnswer) outcome;
        assertThat(parsed.observedAt()).isEqualTo("2025-11-02T09:45:00Z");
        // 01:50 PST (09:50Z) would be after the observation, so it is the first 01:50, PDT
        assertThat(parsed.agents().get(0).lastStateChange()).isEqualTo("2025-11-02T08:50:00Z");
    }

    @Test
    void withoutDataTimeTheReceiveTimeIsTheObservationTime() throws IOException {
        ObjectNode answer = example();
        counters(answer).remove("time");
        ParsedAnswer parsed = parsed(answer);
        assertThat(parsed.sourceTime()).isNull();
        assertThat(parsed.observedAt()).isEqualTo(RECEIVED);
    }

    private ParsedAnswer parsed(ObjectNode answer) {
        ParseOutcome outcome = parser.parse(mapper.writeValueAsBytes(answer), time, RECEIVED);
        assertThat(outcome).isInstanceOf(ParsedAnswer.class);
        return (ParsedAnswer) outcome;
    }

    private ParseOutcome parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), time, RECEIVED);
    }

    private ObjectNode example() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/agent-monitor-search.example.json")) {
            return (ObjectNode) mapper.readTree(in);
        }
    }

    private static ObjectNode entries(ObjectNode answer) {
        return (ObjectNode) answer.get("data").get("entries");
    }

    private static ObjectNode agent(ObjectNode answer) {
        return (ObjectNode) entries(answer).get("agents").get(0);
    }

    private static ObjectNode counters(ObjectNode answer) {
        return (ObjectNode) entries(answer).get("data");
    }
}
