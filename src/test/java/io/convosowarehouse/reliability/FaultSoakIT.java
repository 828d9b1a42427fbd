package io.convosowarehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.job.CycleOutcome;
import io.convosowarehouse.job.PollRunner;
import io.convosowarehouse.job.PollRunner.AccountResult;
import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.testsupport.TestDatabase;
import io.convosowarehouse.testsupport.WarehouseTestContext;

/**
 * 100 consecutive poll cycles against a simulator answering 20% HTTP 5xx, 10% 429 and 5% malformed
 * bodies: every cycle ends as a snapshot or as a recorded failure, never both, never twice.
 */
class FaultSoakIT {

    private static final int CYCLES = 100;
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("fault_soak");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyCycleEndsAsExactlyOneSnapshotOrOneRecordedFailure() {
        SimulatorSettings settings = SimulatorSettings.defaults().withFaults(0.20, 0.10, 0, 0.05, 0);
        ZoneId zone = settings.timeZone();
        ManualClock clock = new ManualClock(LocalDateTime.parse("2025-05-28T09:00:00"));
        Map<CycleOutcome, Integer> outcomes = new EnumMap<>(CycleOutcome.class);
        try (SimulatorServer simulator = SimulatorServer.start(settings, clock);
                ConfigurableApplicationContext context = WarehouseTestContext.start(database, Map.of(
                        "convoso.base-url", simulator.baseUrl(), "convoso.auth-token", "demo-token",
                        "convoso.http.max-attempts", "3", "convoso.http.initial-backoff", "5ms",
                        "convoso.http.max-backoff", "20ms"))) {
            PollRunner runner = context.getBean(PollRunner.class);
            var account = context.getBean(ConvosoProperties.class).resolvedAccounts();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                List<AccountResult> results = runner.poll(account, clock.now().atZone(zone).toInstant());
                outcomes.merge(results.get(0).outcome(), 1, Integer::sum);
                clock.advance(Duration.ofMinutes(1));
            }
        }

        int completed = outcomes.getOrDefault(CycleOutcome.COMPLETED, 0);
        int failed = outcomes.getOrDefault(CycleOutcome.SOURCE_FAILED, 0);
        assertThat(completed + failed).as("outcomes %s", outcomes).isEqualTo(CYCLES);
        assertThat(failed).as("malformed answers and exhausted retries make some cycles fail").isPositive();
        // one snapshot per successful cycle: none lost, none twice
        assertThat(database.count("warehouse.snapshot")).isEqualTo(completed);
        assertThat(count("select count(distinct observed_at) from warehouse.snapshot")).isEqualTo(completed);
        assertThat(count("select count(*) from ingest.raw_payload where outcome = 'loaded'")).isEqualTo(completed);
        // one recorded failure per failed cycle: a refused body (archived) or a call that got no answer
        assertThat(count("select count(*) from ingest.rejected_record where json_path = '$'")).isEqualTo(failed);
        assertThat(count("select count(*) from ingest.raw_payload where outcome = 'rejected'")
                + count("select count(*) from ingest.rejected_record where raw_payload_id is null")).isEqualTo(failed);
        // no orphan fact rows: every agent row belongs to a snapshot and counts add up
        assertThat(count("select count(*) from warehouse.agent_snapshot a where not exists "
                + "(select 1 from warehouse.snapshot s where s.snapshot_id = a.snapshot_id)")).isZero();
        assertThat(count("select sum(agent_count) from warehouse.snapshot")).isEqualTo(database.count("warehouse.agent_snapshot"));
        assertThat(count("""
                select count(*) from batch.batch_job_execution e join batch.batch_job_instance i using (job_instance_id)
                where i.job_name = 'pollJob'""")).isEqualTo(CYCLES);
        System.out.printf("fault soak: %d cycles, %s%n", CYCLES, outcomes);
    }

    private static long count(String sql) {
        Object value = database.dsl().fetchValue(sql);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
