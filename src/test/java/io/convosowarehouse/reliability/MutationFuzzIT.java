package io.convosowarehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.val;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.TestDatabase;
import io.convosowarehouse.testsupport.WarehouseTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random mutations of valid answers (fixed seed, bounded count): the pipeline never throws, never
 * writes a partial snapshot, and archives every answer exactly once.
 */
class MutationFuzzIT {

    private static final int ANSWERS = 250;
    private static final long SEED = 20251123L;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<JsonNode> ODD_VALUES = List.of(
            MAPPER.getNodeFactory().stringNode("-"), MAPPER.getNodeFactory().stringNode(""),
            MAPPER.getNodeFactory().stringNode("0"), MAPPER.getNodeFactory().stringNode("0000-00-00 00:00:00"),
            MAPPER.getNodeFactory().stringNode("99999999999999999999"), MAPPER.getNodeFactory().numberNode(-1),
            MAPPER.getNodeFactory().numberNode(1.5), MAPPER.getNodeFactory().numberNode(Long.MAX_VALUE),
            MAPPER.getNodeFactory().booleanNode(true), MAPPER.getNodeFactory().nullNode(), MAPPER.createObjectNode(),
            MAPPER.createArrayNode(), MAPPER.getNodeFactory().stringNode("x\u0000y"),
            MAPPER.getNodeFactory().stringNode("\t\n\\\"'🎧"), MAPPER.getNodeFactory().stringNode("2025-13-45 25:61:61"));

    private static TestDatabase database;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        database = TestDatabase.migrated("mutation_fuzz");
        context = WarehouseTestContext.start(database, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        database.close();
    }

    @Test
    void randomMutationsNeverCrashAndNeverLeaveAPartialSnapshot() {
        Random random = new Random(SEED);
        AccountSettings account = context.getBean(ConvosoProperties.class).resolvedAccounts().get(0);
        AnswerPipeline pipeline = context.getBean(AnswerPipeline.class);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < ANSWERS; i++) {
            byte[] body = mutate(random, i);
            Instant receivedAt = Instant.parse("2025-06-02T18:00:00Z").plusSeconds(i);
            ReceivedAnswer answer = new ReceivedAnswer(Scope.ACCOUNT, receivedAt, body, 200, 1, "application/json", null);

            LoadOutcome outcome = pipeline.process(account, answer).outcome();

            assertThat(count("select count(*) from ingest.raw_payload where received_at = {0}", receivedAt))
                    .as("answer %d archived once", i).isEqualTo(1);
            if (outcome.kind() == LoadOutcome.Kind.LOADED) {
                loaded++;
                assertThat(count("select count(*) from warehouse.agent_snapshot where snapshot_id = " + outcome.snapshotId(), null))
                        .as("answer %d: every counted agent stored, nothing more", i).isEqualTo(outcome.agents());
            } else {
                refused++;
                assertThat(count("select count(*) from warehouse.snapshot where received_at = {0}", receivedAt)).isZero();
            }
        }
        assertThat(loaded + refused).isEqualTo(ANSWERS);
        assertThat(loaded).as("most mutations still load").isGreaterThan(ANSWERS / 3);
        assertThat(refused).as("some mutations break the JSON").isPositive();
        assertThat(count("select count(*) from warehouse.agent_snapshot a where not exists "
                + "(select 1 from warehouse.snapshot s where s.snapshot_id = a.snapshot_id)", null)).isZero();
        System.out.printf("mutation fuzz: %d answers, %d loaded, %d refused%n", ANSWERS, loaded, refused);
    }

    /** The example answer with three agents, then 1-4 random mutations; every 7th also has its bytes damaged. */
    private static byte[] mutate(Random random, int i) {
        ObjectNode answer = (ObjectNode) MAPPER.readTree(Fixtures.exampleAnswer());
        ObjectNode entries = (ObjectNode) answer.get("data").get("entries");
        ArrayNode agents = (ArrayNode) entries.get("agents");
        agents.add(((ObjectNode) agents.get(0)).deepCopy().put("user_id", "200001"));
        agents.add(((ObjectNode) agents.get(0)).deepCopy().put("user_id", "200002"));
        ((ObjectNode) entries.get("data")).put("time", String.format("2025-06-02 11:%02d:%02d", i / 60 % 60, i % 60));
        List<ObjectNode> targets = new ArrayList<>(List.of(answer, (ObjectNode) answer.get("data"), entries,
                (ObjectNode) entries.get("data"), (ObjectNode) entries.get("call_data"),
                (ObjectNode) agents.get(0), (ObjectNode) agents.get(1), (ObjectNode) agents.get(2)));
        for (int m = 1 + random.nextInt(4); m > 0; m--) {
            ObjectNode target = targets.get(random.nextInt(targets.size()));
            List<String> fields = new ArrayList<>(target.propertyNames());
            String field = fields.isEmpty() ? "empty" : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(4)) {
                case 0 -> target.set(field, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                case 1 -> target.remove(field);
                case 2 -> target.set("undocumented_" + random.nextInt(5), ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                default -> agents.add(((ObjectNode) agents.get(random.nextInt(agents.size()))).deepCopy());
            }
        }
        byte[] bytes = MAPPER.writeValueAsBytes(answer);
        if (i % 7 == 0) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) random.nextInt(256);
        }
        if (i % 23 == 0) {
            bytes = new String(bytes, StandardCharsets.UTF_8).substring(0, random.nextInt(bytes.length / 2))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static long count(String sql, Instant at) {
        Object value = at == null ? database.dsl().fetchValue(sql)
                : database.dsl().fetchValue(sql, val(at.atOffset(ZoneOffset.UTC)));
        return ((Number) value).longValue();
    }
}
