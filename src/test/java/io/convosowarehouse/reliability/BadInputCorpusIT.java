package io.convosowarehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.load.LoadOutcome.Kind;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.simulator.answer.AgentFilter;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.TestDatabase;
import io.convosowarehouse.testsupport.WarehouseTestContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed and hostile answers, one by one: what is stored, what is rejected and why. A LOADED
 * answer makes ingest exit 0 (rejected records are warnings); a REFUSED one exits 3. The README's
 * Reliability section lists the same cases.
 */
class BadInputCorpusIT {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String HOSTILE_NAME = "Zoë \"Z\" O'Brien\t\\n\\ back\nslash 🎧 ; drop table x; --";
    /** Longer than the loader's 64 KiB COPY buffer, which such a value bypasses. */
    private static final String LONG_SKILL = "Spanish ".repeat(8_750);
    private static final AtomicInteger SECOND = new AtomicInteger();
    private static TestDatabase database;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        database = TestDatabase.migrated("bad_input");
        context = WarehouseTestContext.start(database, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        database.close();
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                loaded("types flipped: ids as numbers, counters as strings", 1, 0,
                        a -> agent(a).put("user_id", 123456).put("total_calls", "17").put("calls_today", 17)),
                loaded("placeholders - and \"\" for ids, names and counters", 1, 0,
                        a -> agent(a).put("campaign_id", "-").put("list_name", "").put("calls_today", "-")),
                loaded("zero dates", 1, 0, a -> agent(a).put("last_call_time", "0000-00-00 00:00:00")),
                loaded("{} for empty lists", 1, 0, a -> {
                    agent(a).set("queue_assignment_ids", MAPPER.createObjectNode());
                    entries(a).set("queues", MAPPER.createObjectNode());
                    ((ObjectNode) entries(a).get("call_data")).set("users", MAPPER.createObjectNode());
                }),
                loaded("a field the documentation does not list", 1, 0, a -> agent(a).put("agent_mood", "sunny")),
                loaded("names with tabs, newlines, backslashes, quotes, emoji, SQL", 1, 0,
                        a -> agent(a).put("user_full_name", HOSTILE_NAME).put("campaign_name", HOSTILE_NAME)),
                loaded("lists with quotes, braces, commas, the text NULL, an empty string, a 70,000-character skill and a 2^53+1 id", 1, 0, a -> {
                    agent(a).putArray("skill_options").add(HOSTILE_NAME).add("{a,b}").add("NULL").add("").add(LONG_SKILL);
                    agent(a).putArray("queue_assignment_ids").add(1).add("9007199254740993");
                }),
                loaded("a duplicate agent: the first is kept", 1, 1,
                        a -> entries(a).withArray("agents").add(agent(a).deepCopy().put("status", "PAUSED"))),
                loaded("an out-of-range counter rejects its agent", 0, 1, a -> agent(a).put("calls_today", "99999999999")),
                loaded("a negative id rejects its agent", 0, 1, a -> agent(a).put("user_id", "-5")),
                loaded("an object where a value belongs rejects its agent", 0, 1,
                        a -> agent(a).set("status", MAPPER.createObjectNode().put("code", "READY"))),
                loaded("a NUL character rejects its agent", 0, 1, a -> agent(a).put("user_full_name", "Bad\u0000Name")),
                loaded("a bad counter rejects the counter block, agents still load", 1, 1,
                        a -> counters(a).put("dropped_percent", "lots")),
                loaded("an empty agent list", 0, 0, a -> entries(a).set("agents", MAPPER.createArrayNode())),
                refused("success:false with code and text", "success:false with code 401: Invalid auth token",
                        "{\"success\":false,\"code\":401,\"text\":\"Invalid auth token\"}"),
                refused("truncated JSON", "not valid JSON", Fixtures.exampleAnswer().substring(0, 900)),
                refused("an HTML error page", "not valid JSON", "<html><body><h1>502 Bad Gateway</h1></body></html>"),
                refused("an empty body", "not a JSON object", ""),
                refused("an empty object", "no success flag", "{}"),
                refused("JSON that is not an answer", "not a JSON object", "[1,2,3]"),
                refused("success without data.entries", "no data.entries", "{\"success\":true,\"data\":{}}"),
                Arguments.of("invalid UTF-8 in a name", Kind.REFUSED, 0, 0, "not valid JSON",
                        (Function<Integer, byte[]>) second -> invalidUtf8(second)),
                Arguments.of("a huge answer: 5,000 agents", Kind.LOADED, -1, 0, null,
                        (Function<Integer, byte[]>) second -> hugeAnswer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputIsStoredOrRejectedWithAReason(String name, Kind expected, int agents, int rejected, String reason,
            Function<Integer, byte[]> body) {
        int second = SECOND.incrementAndGet();
        AccountSettings account = context.getBean(ConvosoProperties.class).resolvedAccounts().get(0);
        byte[] bytes = body.apply(second);
        ReceivedAnswer answer = new ReceivedAnswer(Scope.ACCOUNT, Instant.parse("2025-06-02T18:00:00Z").plusSeconds(second),
                bytes, 200, 5, "application/json", "http://example.invalid/v1/agent-monitor/search?auth_token=***");

        LoadOutcome outcome = context.getBean(AnswerPipeline.class).process(account, answer).outcome();

        assertThat(outcome.kind()).as(name).isEqualTo(expected);
        if (expected == Kind.LOADED) {
            if (agents >= 0) {
                assertThat(outcome.agents()).as(name).isEqualTo(agents);
            }
            assertThat(outcome.rejected()).as(name).isEqualTo(rejected);
            long rows = ((Number) database.dsl().fetchValue("select count(*) from warehouse.agent_snapshot where snapshot_id = {0}",
                    org.jooq.impl.DSL.val(outcome.snapshotId()))).longValue();
            assertThat(rows).as("every agent the outcome counts is stored").isEqualTo(outcome.agents());
        } else {
            assertThat(outcome.reason()).as(name).contains(reason);
            assertThat(database.dsl().fetchValue("select outcome from ingest.raw_payload where received_at = {0}",
                    org.jooq.impl.DSL.val(answer.receivedAt().atOffset(java.time.ZoneOffset.UTC)))).isEqualTo("rejected");
        }
        if (name.startsWith("names with")) {
            assertThat(database.dsl().fetchValue("select user_full_name from reporting.agent_snapshot where snapshot_id = {0}",
                    org.jooq.impl.DSL.val(outcome.snapshotId()))).isEqualTo(HOSTILE_NAME);
        }
        if (name.startsWith("lists with")) {
            var lists = database.dsl().fetchSingle("select skill_options, queue_assignment_ids from warehouse.agent_snapshot "
                    + "where snapshot_id = {0}", org.jooq.impl.DSL.val(outcome.snapshotId()));
            assertThat(lists.get(0, String[].class)).containsExactly(HOSTILE_NAME, "{a,b}", "NULL", "", LONG_SKILL);
            assertThat(lists.get(1, Long[].class)).containsExactly(1L, 9007199254740993L);
        }
    }

    private static Arguments loaded(String name, int agents, int rejected, java.util.function.Consumer<ObjectNode> mutation) {
        Function<Integer, byte[]> body = second -> {
            ObjectNode answer = example(second);
            mutation.accept(answer);
            return MAPPER.writeValueAsBytes(answer);
        };
        return Arguments.of(name, Kind.LOADED, agents, rejected, null, body);
    }

    private static Arguments refused(String name, String reason, String text) {
        return Arguments.of(name, Kind.REFUSED, 0, 0, reason,
                (Function<Integer, byte[]>) second -> text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] invalidUtf8(int second) {
        byte[] valid = MAPPER.writeValueAsBytes(example(second));
        String text = new String(valid, StandardCharsets.UTF_8);
        int at = text.indexOf("Agent Example");
        valid[at] = (byte) 0xC3;
        valid[at + 1] = (byte) 0x28;
        return valid;
    }

    private static byte[] hugeAnswer() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        SimulatorSettings big = new SimulatorSettings(0, "demo-token", 5000, 10, 8, 7, defaults.timeZone(), defaults.start(),
                1, 0, 0, 0, 0, 0, false);
        return new ContactCenter(big).answerBytes(LocalDateTime.parse("2025-05-28T10:00:00"), AgentFilter.none());
    }

    /** The example answer, its data.time moved so each case is an answer of its own. */
    private static ObjectNode example(int second) {
        ObjectNode answer = (ObjectNode) MAPPER.readTree(Fixtures.exampleAnswer());
        counters(answer).put("time", String.format("2025-06-02 11:%02d:%02d", second / 60, second % 60));
        return answer;
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
