package io.convosowarehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/** What the simulator serves, saved as a curl would save it, loads with no rejected record, quirks included. */
class SimulatedAnswersLoadIT {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("simulated_answers");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anAnswerFetchedFromTheSimulatorLoadsWithNoRejectedRecord(boolean quirks, @TempDir Path dir) throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withQuirks(quirks);
        ManualClock clock = new ManualClock(LocalDateTime.parse("2025-05-28T10:30:00"));
        Path saved = dir.resolve("answer.json");
        try (SimulatorServer simulator = SimulatorServer.start(settings, clock)) {
            HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(simulator.baseUrl() + "/v1/agent-monitor/search?auth_token=demo-token")).build(),
                    HttpResponse.BodyHandlers.ofFile(saved));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        long rejectedBefore = database.count("ingest.rejected_record");

        Cli.Result result = Cli.run(database.springProperties(), "ingest", "--account", "default",
                "--received-at", quirks ? "2025-05-28T17:30:02Z" : "2025-05-28T17:30:01Z", saved.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("1 snapshot(s) loaded", "0 rejected record(s)");
        assertThat(database.count("ingest.rejected_record")).isEqualTo(rejectedBefore);
        assertThat(Files.size(saved)).isGreaterThan(10_000);
        if (quirks) {
            assertThat(database.dsl().fetch("select json_path from ingest.schema_drift").getValues(0, String.class))
                    .contains("data.entries.agents[].agent_extra_note");
        }
    }
}
