package io.convosowarehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.simulator.answer.AgentFilter;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.testsupport.CannedAgentMonitor;
import io.convosowarehouse.testsupport.CannedAgentMonitor.Reply;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The job as a real process, killed with SIGKILL at several moments of a long ingest and between the
 * scopes of a poll cycle, and its database connections cut mid-load: no partial snapshot, no orphan
 * row, and the next run loads the rest with no duplicate.
 */
class KillAndCutIT {

    private static final int ANSWERS = 60;
    private static TestDatabase database;
    private static Path answers;

    @BeforeAll
    static void writeAnHourOfAnswers(@TempDir Path dir) throws IOException {
        database = TestDatabase.migrated("kill_and_cut");
        ContactCenter center = new ContactCenter(new SimulatorSettings(0, "t", 400, 3, 4, 11,
                SimulatorSettings.defaults().timeZone(), SimulatorSettings.defaults().start(), 1, 0, 0, 0, 0, 0, false));
        StringBuilder lines = new StringBuilder();
        for (int minute = 0; minute < ANSWERS; minute++) {
            LocalDateTime at = LocalDateTime.parse("2025-05-28T10:00:00").plusMinutes(minute);
            lines.append("{\"received_at\":\"").append(at.plusHours(7)).append(":05Z\",\"scope\":\"account\",\"body\":")
                    .append(new String(center.answerBytes(at, AgentFilter.none()), StandardCharsets.UTF_8)).append("}\n");
        }
        answers = dir.resolve("hour.ndjson");
        Files.writeString(answers, lines);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void emptyTheWarehouse() {
        database.dsl().execute("truncate warehouse.snapshot, warehouse.agent_snapshot, warehouse.campaign_stats, "
                + "warehouse.queue_stats, warehouse.agent_state_interval, warehouse.agent_shift, warehouse.agent_call, "
                + "warehouse.settled_until, "
                + "warehouse.settled_agent_status_quarter_hour, warehouse.settled_agent_state_day, ingest.raw_payload, "
                + "ingest.rejected_record");
    }

    @Test
    void killMinusNineAtSeveralMomentsLeavesNothingPartialAndTheNextRunCompletesExactlyOnce() throws Exception {
        long[] loadedBeforeKill = {5, 20, 40};
        int[] extraMillis = {0, 17, 33}; // land at different points inside a snapshot's load
        for (int kill = 0; kill < loadedBeforeKill.length; kill++) {
            Process ingest = start("ingest", answers.toString());
            waitForSnapshots(loadedBeforeKill[kill]);
            Thread.sleep(extraMillis[kill]);
            ingest.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the job itself
            assertThat(ingest.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertConsistent();
            long loaded = database.count("warehouse.snapshot");
            assertThat(loaded).as("killed mid-run").isBetween(loadedBeforeKill[kill], (long) ANSWERS - 1);
            System.out.printf("kill -9 with %d of %d answers loaded: all whole%n", loaded, ANSWERS);
        }
        Process finish = start("ingest", answers.toString());
        assertThat(finish.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(finish.exitValue()).isZero();
        assertConsistent();
        assertThat(database.count("warehouse.snapshot")).isEqualTo(ANSWERS);
        assertThat(count("select count(distinct observed_at) from warehouse.snapshot")).isEqualTo(ANSWERS);
        assertThat(database.count("ingest.raw_payload")).isEqualTo(ANSWERS);
    }

    @Test
    void killMinusNineBetweenTheScopesOfAPollCycleAndRunningItAgainCallsOnlyTheScopesThatDidNotLoad(@TempDir Path dir)
            throws Exception {
        String token = "tk_kill_between_scopes";
        String scheduledAt = "2025-06-02T17:00:00Z";
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> {
            int call = calls.getAndIncrement();
            if (query.contains("queue_id") && killed.getCount() > 0) {
                await(killed); // the first run dies waiting for the queue's answer, account and campaign loaded
            }
            // each answer a later "now", as the API's: a scope called twice would store a second snapshot
            return Reply.json(Fixtures.exampleAnswer().replace("2025-06-02 10:51:47", String.format("2025-06-02 10:51:%02d", call)));
        })) {
            Map<String, String> settings = new HashMap<>(database.springProperties());
            settings.putAll(Map.of("convoso.base-url", api.baseUrl(), "convoso.auth-token", token,
                    "convoso.campaigns", "all", "convoso.queues", "all", "convoso.http.max-attempts", "1"));
            Path output = dir.resolve("killed-poll.txt");
            Process poll = start(settings, output, "poll", "--scheduled-at", scheduledAt);
            waitUntil(() -> api.queries().stream().anyMatch(q -> q.contains("queue_id")) || !poll.isAlive());
            poll.destroyForcibly(); // SIGKILL between scopes: no shutdown hook, no step end
            assertThat(poll.waitFor(20, TimeUnit.SECONDS)).isTrue();
            killed.countDown();
            String printed = Files.readString(output);
            assertThat(snapshotsByScope()).as(printed).containsExactly("account: 1", "campaign:1234 1");
            assertThat(executionsOf(scheduledAt)).as("what a kill leaves in the job repository").containsExactly("STARTED");
            int callsBefore = api.queries().size();

            Cli.Result rerun = Cli.run(settings, "poll", "--scheduled-at", scheduledAt);

            assertThat(rerun.exitCode()).as(rerun.all()).isZero();
            assertThat(rerun.all()).contains("its process is gone", "marking it FAILED",
                    "2 scope(s) loaded by an earlier run of this cycle, not called again");
            assertThat(api.queries().subList(callsBefore, api.queries().size())).as(rerun.all())
                    .containsExactly("auth_token=" + token + "&queue_id=56789");
            assertThat(snapshotsByScope()).containsExactly("account: 1", "campaign:1234 1", "queue:56789 1");
            assertThat(executionsOf(scheduledAt)).containsExactly("FAILED", "COMPLETED");
            assertConsistent();
        }
    }

    @Test
    void cuttingTheDatabaseConnectionsMidLoadFailsCleanlyWithExitCode4() throws Exception {
        Process ingest = start("ingest", answers.toString());
        waitForSnapshots(3);
        try (Connection blocker = DriverManager.getConnection(database.url(), PostgresServer.get().user(),
                PostgresServer.get().password())) {
            // hold the next load mid-transaction, so the cut surely lands inside one
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table warehouse.snapshot in share mode");
            waitForALoadWaitingOnALock();
            // what a database restart or a network cut does to the job's sessions
            database.dsl().execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where datname = current_database() and pid <> pg_backend_pid() "
                    + "and application_name = 'PostgreSQL JDBC Driver' and wait_event_type = 'Lock'");
            blocker.rollback();
        }
        assertThat(ingest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ingest.exitValue()).as("some answers loaded, the cut ones failed: partial or database error")
                .isIn(4, 5);
        assertConsistent();
    }

    /** Every snapshot whole, every archived loaded answer backed by its snapshot, no orphan rows. */
    private static void assertConsistent() {
        assertThat(count("select count(*) from warehouse.snapshot s where s.agent_count <> "
                + "(select count(*) from warehouse.agent_snapshot a where a.snapshot_id = s.snapshot_id)")).isZero();
        assertThat(count("select count(*) from warehouse.snapshot s where not exists "
                + "(select 1 from warehouse.campaign_stats c where c.snapshot_id = s.snapshot_id)")).isZero();
        assertThat(count("select count(*) from warehouse.agent_snapshot a where not exists "
                + "(select 1 from warehouse.snapshot s where s.snapshot_id = a.snapshot_id)")).isZero();
        assertThat(count("select count(*) from ingest.raw_payload r where r.outcome = 'loaded' and not exists "
                + "(select 1 from warehouse.snapshot s where s.snapshot_id = r.snapshot_id)")).isZero();
        assertThat(count("select count(*) - count(distinct (observed_at, payload_hash)) from warehouse.snapshot")).isZero();
    }

    private static void waitForALoadWaitingOnALock() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count("select count(*) from pg_stat_activity where datname = current_database() "
                + "and application_name = 'PostgreSQL JDBC Driver' and wait_event_type = 'Lock'") == 0
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private static void waitForSnapshots(long snapshots) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (database.count("warehouse.snapshot") < snapshots && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    /** Snapshots stored per scope, as "kind:id count". */
    private static List<String> snapshotsByScope() {
        return database.dsl().fetch("select scope_kind || ':' || scope_id || ' ' || count(*) from warehouse.snapshot "
                + "group by scope_kind, scope_id order by 1").getValues(0, String.class);
    }

    /** The status of each job execution of the cycle scheduled at {@code scheduledAt}, oldest first. */
    private static List<String> executionsOf(String scheduledAt) {
        return database.dsl().fetch("""
                select e.status from batch.batch_job_execution e
                join batch.batch_job_execution_params p using (job_execution_id)
                where p.parameter_name = 'scheduledAt' and p.parameter_value = {0}
                order by e.job_execution_id""", scheduledAt).getValues(0, String.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long count(String sql) {
        return ((Number) database.dsl().fetchValue(sql)).longValue();
    }

    private static Process start(String... args) throws IOException {
        return start(database.springProperties(), null, args);
    }

    /** The job as its own JVM with {@code settings} as system properties, what it prints going to {@code output} if given. */
    private static Process start(Map<String, String> settings, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dspring.flyway.enabled=false"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("io.convosowarehouse.ConvosoWarehouse");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()))
                .start();
    }
}
