package io.convosowarehouse.simulator.http;

import io.convosowarehouse.simulator.answer.AnswerParts;
import io.convosowarehouse.simulator.answer.JsonShape;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.answer.AgentFilter;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.clock.SimulationClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorServerTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final LocalDateTime NOON = LocalDateTime.of(2025, 5, 28, 12, 0, 7);
    private static final SimulatorSettings SETTINGS = SimulatorSettings.defaults();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SimulatorServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(SimulatorServer::close);
    }

    @Test
    void servesTheDocumentedShapeOnAFreePort() throws Exception {
        SimulatorServer server = start(SETTINGS, new ManualClock(NOON));
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());

        HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode answer = MAPPER.readTree(response.body());
        JsonShape.assertSameShape(fixture(), answer);
        assertThat(response.body()).isEqualTo(new ContactCenter(SETTINGS).answerBytes(NOON, AgentFilter.none()));
    }

    @Test
    void rejectsAWrongOrMissingTokenInTheBodyAndUnknownPathsWith404() throws Exception {
        SimulatorServer server = start(SETTINGS, new ManualClock(NOON));
        for (String query : List.of("auth_token=wrong", "campaign_id=1031")) {
            HttpResponse<byte[]> response = get(server, query);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("code").asInt()).isEqualTo(401);
        }
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/agents?auth_token=demo-token")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void appliesTheQueryFilters() throws Exception {
        SimulatorServer server = start(SETTINGS, new ManualClock(NOON));
        ContactCenter center = new ContactCenter(SETTINGS);
        AgentFilter filter = new AgentFilter("1148", "", "", List.of("Spanish", "TechSupport"));
        String query = "auth_token=demo-token&campaign_id=1148&filter_by_skill_options="
                + URLEncoder.encode("Spanish,TechSupport", StandardCharsets.UTF_8);
        assertThat(get(server, query).body()).isEqualTo(center.answerBytes(NOON, filter));
        JsonNode answer = MAPPER.readTree(get(server, query).body());
        assertThat(AnswerParts.agents(answer)).allSatisfy(agent -> {
            assertThat(agent.get("campaign_id").asString()).isEqualTo("1148");
            assertThat(agent.get("skill_options").asString()).containsAnyOf("|Spanish|", "|TechSupport|");
        });
        JsonNode user = MAPPER.readTree(get(server, "auth_token=demo-token&user_id=100002").body());
        assertThat(AnswerParts.agents(user)).extracting(a -> a.get("user_id").asString()).containsOnly("100002");
    }

    @Test
    void sameSeedAndTimeGiveByteIdenticalAnswersWhateverTheQueryOrder() throws Exception {
        SimulatorServer first = start(SETTINGS, new ManualClock(NOON));
        SimulatorServer second = start(SETTINGS, new ManualClock(NOON));
        List<String> queries = List.of("auth_token=demo-token", "auth_token=demo-token&campaign_id=1031",
                "auth_token=demo-token&queue_id=51528", "auth_token=demo-token&user_id=100007");
        List<byte[]> forwards = new ArrayList<>();
        for (String query : queries) {
            forwards.add(get(first, query).body());
        }
        for (int i = queries.size() - 1; i >= 0; i--) {
            assertThat(get(second, queries.get(i)).body()).as(queries.get(i)).isEqualTo(forwards.get(i));
        }
        SimulatorServer otherSeed = start(SETTINGS.withSeed(7), new ManualClock(NOON));
        assertThat(get(otherSeed, queries.get(0)).body()).isNotEqualTo(forwards.get(0));
    }

    @Test
    void theManualClockStepsTheSimulatedTime() throws Exception {
        ManualClock clock = new ManualClock(NOON);
        SimulatorServer server = start(SETTINGS, clock);
        assertThat(time(server)).isEqualTo("2025-05-28 12:00:07");
        assertThat(clock.advance(Duration.ofMinutes(1))).isEqualTo(NOON.plusMinutes(1));
        assertThat(time(server)).isEqualTo("2025-05-28 12:01:07");
        clock.set(LocalDateTime.of(2025, 5, 29, 0, 0, 0, 999_000_000));
        assertThat(time(server)).isEqualTo("2025-05-29 00:00:00");
    }

    @Test
    void theScaledClockStartsAtTheSettingsStartAndRunsFaster() throws Exception {
        SimulatorServer server = SimulatorServer.start(new SimulatorSettings(0, "demo-token", 5, 1, 1, 1,
                SETTINGS.timeZone(), NOON, 600.0, 0, 0, 0, 0, 0, false));
        servers.add(server);
        LocalDateTime first = LocalDateTime.parse(time(server).replace(' ', 'T'));
        Thread.sleep(50);
        LocalDateTime second = LocalDateTime.parse(time(server).replace(' ', 'T'));
        assertThat(first).isBetween(NOON.minusSeconds(1), NOON.plusMinutes(5));
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void noFaultsAtRateZero() throws Exception {
        SimulatorServer server = start(SETTINGS, new ManualClock(NOON));
        byte[] expected = new ContactCenter(SETTINGS).answerBytes(NOON, AgentFilter.none());
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(expected);
        }
    }

    @Test
    void failRateAnswersWithServerErrors() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(1.0, 0, 0, 0, 0), new ManualClock(NOON));
        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(get(server, "auth_token=demo-token").statusCode());
        }
        assertThat(statuses).isSubsetOf(500, 502, 503).hasSizeGreaterThan(1);
    }

    @Test
    void throttleRateAnswersWith429AndRetryAfter() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(0, 1.0, 0, 0, 0), new ManualClock(NOON));
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(0, 0, 150, 0, 0), new ManualClock(NOON));
        long started = System.nanoTime();
        HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void errorBodyRateAnswers200WithSuccessFalse() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(0, 0, 0, 0, 1.0), new ManualClock(NOON));
        HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asInt()).isEqualTo(500);
    }

    @Test
    void malformedRateAnswersTruncatedJsonOrHtmlWith200() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(0, 0, 0, 1.0, 0), new ManualClock(NOON));
        byte[] whole = new ContactCenter(SETTINGS).answerBytes(NOON, AgentFilter.none());
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
            assertThat(response.statusCode()).isEqualTo(200);
            String contentType = response.headers().firstValue("Content-Type").orElseThrow();
            if (contentType.startsWith("text/html")) {
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
                kinds.add("html");
            } else {
                assertThat(response.body()).isEqualTo(Arrays.copyOf(whole, whole.length / 2));
                assertThatThrownBy(() -> MAPPER.readTree(response.body())).isInstanceOf(JacksonException.class);
                kinds.add("truncated");
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("html", "truncated");
    }

    @Test
    void faultsLeaveTheSuccessfulAnswersUntouched() throws Exception {
        SimulatorServer server = start(SETTINGS.withFaults(0.3, 0.3, 0, 0.2, 0.2), new ManualClock(NOON));
        byte[] expected = new ContactCenter(SETTINGS).answerBytes(NOON, AgentFilter.none());
        int successes = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<byte[]> response = get(server, "auth_token=demo-token");
            if (response.statusCode() == 200 && response.body().length == expected.length) {
                assertThat(response.body()).isEqualTo(expected);
                successes++;
            }
        }
        assertThat(successes).isBetween(1, 39);
    }

    private SimulatorServer start(SimulatorSettings settings, SimulationClock clock) {
        SimulatorServer server = SimulatorServer.start(settings, clock);
        servers.add(server);
        return server;
    }

    private HttpResponse<byte[]> get(SimulatorServer server, String query) throws IOException, InterruptedException {
        URI uri = URI.create(server.baseUrl() + "/v1/agent-monitor/search?" + query);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String time(SimulatorServer server) throws IOException, InterruptedException {
        JsonNode answer = MAPPER.readTree(get(server, "auth_token=demo-token").body());
        return AnswerParts.counters(answer).get("time").asString();
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = SimulatorServerTest.class.getResourceAsStream("/fixtures/agent-monitor-search.example.json")) {
            return MAPPER.readTree(in);
        }
    }
}
