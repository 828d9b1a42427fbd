package io.convosowarehouse.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.CannedAgentMonitor;
import io.convosowarehouse.testsupport.CannedAgentMonitor.Reply;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The job as a real process: several samples in one run, and SIGTERM (what Kubernetes sends) in the
 * middle of a run stops it cleanly with exit code 143, the run recorded, nothing half-written.
 */
class GracefulStopIT {

    /** Generous: a loaded machine starts the JVM and its Spring context slowly; the test waits on events, not on this. */
    private static final Duration UPPER_BOUND = Duration.ofMinutes(5);

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("graceful_stop");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void samplesRunInOneProcessAndSigtermStopsBetweenThemWithExitCode143(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch secondCallArrived = new CountDownLatch(1);
        CountDownLatch sigtermSent = new CountDownLatch(1);
        // the second sample's call is answered once SIGTERM is on its way: it stops the run in the middle, however slow the machine
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> {
            int call = calls.getAndIncrement();
            if (call == 1) {
                secondCallArrived.countDown();
                awaitQuietly(sigtermSent);
            }
            return Reply.json(answerAtSecond(call));
        })) {
            Path output = dir.resolve("output.txt");
            Process job = new ProcessBuilder(command(api, "poll", "--samples", "4", "--every", "2s",
                    "--scheduled-at", "2025-06-02T17:00:00Z"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try {
                assertThat(secondCallArrived.await(UPPER_BOUND.toSeconds(), TimeUnit.SECONDS))
                        .as("the second sample's call arrives within " + UPPER_BOUND).isTrue();
                job.destroy(); // SIGTERM
            } finally {
                sigtermSent.countDown();
            }
            assertThat(job.waitFor(UPPER_BOUND.toSeconds(), TimeUnit.SECONDS)).as("stops within " + UPPER_BOUND).isTrue();
            String printed = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);

            assertThat(job.exitValue()).as(printed).isEqualTo(143);
            assertThat(calls.get()).isLessThan(4);
            assertThat(printed).contains("run summary:", "exit_code=143");
            assertThat(database.count("warehouse.snapshot")).isEqualTo(calls.get());
            assertThat(database.dsl().fetch("select status from batch.batch_job_execution order by job_execution_id")
                    .getValues(0, String.class)).hasSize(calls.get()).allMatch("COMPLETED"::equals);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(UPPER_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String answerAtSecond(int second) {
        return Fixtures.exampleAnswer().replace("2025-06-02 10:51:47", String.format("2025-06-02 10:51:%02d", second * 2));
    }

    private static List<String> command(CannedAgentMonitor api, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dconvoso.base-url=" + api.baseUrl(),
                "-Dconvoso.auth-token=test-token",
                "-Dspring.flyway.enabled=false"));
        database.springProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("io.convosowarehouse.ConvosoWarehouse");
        command.addAll(List.of(args));
        return command;
    }
}
