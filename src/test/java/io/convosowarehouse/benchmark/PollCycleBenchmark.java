package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The whole {@code poll} cycle as the CronJob runs it, process start to exit, against a simulator
 * of 1,000 agents in this JVM. Every run polls a new simulated minute with its own
 * {@code --scheduled-at}, so none is a no-op. Wall and CPU (user + sys) come from /usr/bin/time.
 */
final class PollCycleBenchmark {

    static final double WALL_TARGET_SEC = 2.0;
    static final double CPU_TARGET_SEC = 3.0;
    static final int AGENTS = 1_000;
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Path JDK17 = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final Path WORK = Path.of("target", "benchmark");

    private final BenchmarkOptions options;
    private int cycle;

    PollCycleBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        String section = "poll cycle";
        if (!Files.isRegularFile(options.jar())) {
            table.measured(section, "java -jar " + options.jar(), "skipped: build it first with "
                    + "./mvnw -B -q package -DskipTests");
            return;
        }
        if (!Files.isExecutable(TIME)) {
            table.measured(section, "poll process", "skipped: /usr/bin/time is needed for CPU seconds");
            return;
        }
        Path extracted = extract();
        ManualClock clock = new ManualClock(SimulatedAccount.BUSY_MORNING);
        try (TestDatabase database = TestDatabase.migrated("benchmark_poll");
                SimulatorServer simulator = SimulatorServer.start(SimulatedAccount.settingsFor(AGENTS), clock)) {
            Map<String, String> environment = environment(database, simulator);
            for (StartupVariant variant : variants(extracted)) {
                measure(table, section, variant, clock, environment);
            }
        }
        table.note("poll cycle: JDK 17 is the JVM running the benchmark (" + JDK17 + "); 'extracted' is "
                + "`java -Djarmode=tools -jar convoso-warehouse.jar extract` (CDS/AOT cannot archive classes from "
                + "nested jars); each archive was written by one training poll with the same flags; "
                + options.pollRuns() + " run(s) per variant, median shown.");
    }

    private void measure(ResultTable table, String section, StartupVariant variant, ManualClock clock,
            Map<String, String> environment) throws Exception {
        String metric = "poll " + AGENTS + " agents, " + variant.name() + " (wall / CPU)";
        if (!Files.isExecutable(variant.java())) {
            table.measured(section, metric, "skipped: no " + variant.java());
            return;
        }
        if (variant.archive() != StartupVariant.Archive.NONE) {
            Files.deleteIfExists(variant.archiveFile());
            Outcome training = poll(variant, true, clock, environment);
            if (training.error() != null || !Files.exists(variant.archiveFile())) {
                table.measured(section, metric, "training run failed: " + training.describe());
                return;
            }
        }
        List<ProcessTiming> timings = new ArrayList<>();
        for (int i = 0; i < options.pollRuns(); i++) {
            Outcome run = poll(variant, false, clock, environment);
            if (run.error() != null) {
                table.measured(section, metric, "failed: " + run.describe());
                return;
            }
            timings.add(run.timing());
        }
        double wall = median(timings, ProcessTiming::wallSec);
        double cpu = median(timings, ProcessTiming::cpuSec);
        table.checked(section, metric, String.format(Locale.ROOT, "%.2f s / %.2f s", wall, cpu),
                String.format(Locale.ROOT, "<= %.0f s / <= %.0f s", WALL_TARGET_SEC, CPU_TARGET_SEC),
                wall <= WALL_TARGET_SEC && cpu <= CPU_TARGET_SEC);
    }

    /** One poll child process; a new simulated minute and a new scheduled time each time. */
    private Outcome poll(StartupVariant variant, boolean training, ManualClock clock, Map<String, String> environment)
            throws IOException, InterruptedException {
        clock.advance(Duration.ofMinutes(1));
        Instant scheduledAt = Instant.parse("2025-05-28T17:00:00Z").plus(Duration.ofMinutes(++cycle));
        Path timeFile = WORK.resolve("time.txt");
        Path log = WORK.resolve("poll.log");
        List<String> command = new ArrayList<>(List.of(TIME.toString(), "-f", "%e %U %S", "-o", timeFile.toString()));
        command.addAll(variant.javaCommand(training));
        command.addAll(List.of("poll", "--scheduled-at", scheduledAt.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SPRING_FLYWAY_ENABLED", Boolean.toString(variant.flyway()));
        int exit = builder.start().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0) {
            return new Outcome(null, "exit " + exit + ": " + lastLine(output));
        }
        return new Outcome(ProcessTiming.parse(Files.readString(timeFile, StandardCharsets.UTF_8)), null);
    }

    /** A run's timing, or why it has none. */
    private record Outcome(ProcessTiming timing, String error) {

        String describe() {
            return error == null ? "ok" : error.replace("|", "\\|");
        }
    }

    private List<StartupVariant> variants(Path extracted) {
        Path jar = options.jar();
        Path cds = WORK.resolve("poll-jdk17.jsa").toAbsolutePath();
        Path aot = WORK.resolve("poll-jdk25.aot").toAbsolutePath();
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        StartupVariant plain = new StartupVariant("JDK 17 java -jar", JDK17, List.of(), jar, true, StartupVariant.Archive.NONE, null);
        StartupVariant bestJdk17 = new StartupVariant("JDK 17 extracted + CDS + C1 + SPRING_FLYWAY_ENABLED=false", JDK17, c1,
                extracted, false, StartupVariant.Archive.CDS, cds);
        StartupVariant bestJdk25 = new StartupVariant("JDK 25 extracted + AOT cache + C1 + SPRING_FLYWAY_ENABLED=false",
                JDK25, c1, extracted, false, StartupVariant.Archive.AOT, aot);
        if (options.quick()) {
            return List.of(plain, bestJdk17, bestJdk25);
        }
        return List.of(plain,
                new StartupVariant("JDK 17 -XX:TieredStopAtLevel=1", JDK17, c1, jar, true, StartupVariant.Archive.NONE, null),
                new StartupVariant("JDK 17 extracted + CDS", JDK17, List.of(), extracted, true, StartupVariant.Archive.CDS, cds),
                new StartupVariant("JDK 17 SPRING_FLYWAY_ENABLED=false", JDK17, List.of(), jar, false, StartupVariant.Archive.NONE, null),
                bestJdk17,
                new StartupVariant("JDK 25 java -jar", JDK25, List.of(), jar, true, StartupVariant.Archive.NONE, null),
                new StartupVariant("JDK 25 extracted + AOT cache", JDK25, List.of(), extracted, true, StartupVariant.Archive.AOT, aot),
                bestJdk25);
    }

    /** Unpacks the fat jar into a plain classpath (jar + lib/), which CDS and AOT caches need. */
    private Path extract() throws IOException, InterruptedException {
        Path destination = WORK.resolve("extracted");
        Files.createDirectories(WORK);
        Process process = new ProcessBuilder(JDK17.toString(), "-Djarmode=tools", "-jar", options.jar().toString(),
                "extract", "--force", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(WORK.resolve("extract.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("extracting the jar failed; see " + WORK.resolve("extract.log"));
        }
        return destination.resolve(options.jar().getFileName()).toAbsolutePath();
    }

    private static Map<String, String> environment(TestDatabase database, SimulatorServer simulator) {
        PostgresServer server = PostgresServer.get();
        Map<String, String> environment = new HashMap<>();
        environment.put("CONVOSO_BASE_URL", simulator.baseUrl());
        environment.put("CONVOSO_AUTH_TOKEN", "demo-token");
        environment.put("CONVOSO_TIME_ZONE", SimulatedAccount.ZONE.getId());
        environment.put("SPRING_DATASOURCE_URL", database.url());
        environment.put("SPRING_DATASOURCE_USERNAME", server.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", server.password());
        return environment;
    }

    private static double median(List<ProcessTiming> timings, java.util.function.ToDoubleFunction<ProcessTiming> value) {
        List<ProcessTiming> sorted = timings.stream().sorted(Comparator.comparingDouble(value)).toList();
        return value.applyAsDouble(sorted.get(sorted.size() / 2));
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
