package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.convosowarehouse.benchmark.StartupVariant.Code;
import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The whole {@code poll} cycle, process start to exit, against a simulator of 1,000 agents in this JVM: the
 * image as its Dockerfile builds and runs it (reproduced without Docker by {@link ImageBuild}) and plain
 * {@code java -jar} on JDK 17, for the current code and, with {@code --baseline DIR}, for the baseline's,
 * interleaved run by run so both meet the same machine load. Every run polls a new simulated minute with its own
 * {@code --scheduled-at}, so none is a no-op. Wall and CPU (user + sys) come from /usr/bin/time.
 */
final class PollCycleBenchmark {

    static final double IMAGE_WALL_TARGET_SEC = 1.0;
    static final double IMAGE_CPU_TARGET_SEC = 1.5;
    static final double PLAIN_WALL_TARGET_SEC = 3.0;
    static final int AGENTS = 1_000;
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Path JDK17 = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final Path WORK = Path.of("target", "benchmark").toAbsolutePath();

    private final BenchmarkOptions options;
    private int cycle;

    PollCycleBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        String section = "poll cycle";
        Map<Code, Path> jars = new EnumMap<>(Code.class);
        jars.put(Code.CURRENT, options.jar());
        if (options.baseline() != null) {
            jars.put(Code.BASELINE, options.baseline().resolve(options.jar()));
        }
        for (Path jar : jars.values()) {
            if (!Files.isRegularFile(jar)) {
                table.measured(section, "java -jar " + jar, "skipped: build it first with ./mvnw -B -q package -DskipTests");
                return;
            }
        }
        if (!Files.isExecutable(TIME) || !Files.isExecutable(JDK25)) {
            table.measured(section, "poll process", "skipped: needs /usr/bin/time and " + JDK25);
            return;
        }
        Files.createDirectories(WORK);
        ManualClock clock = new ManualClock(SimulatedAccount.BUSY_MORNING);
        Map<Code, TestDatabase> databases = new EnumMap<>(Code.class);
        try (SimulatorServer simulator = SimulatorServer.start(SimulatedAccount.settingsFor(AGENTS), clock)) {
            Map<Code, Map<String, String>> environments = new EnumMap<>(Code.class);
            List<StartupVariant> variants = new ArrayList<>();
            for (Map.Entry<Code, Path> jar : jars.entrySet()) {
                Code code = jar.getKey();
                TestDatabase database = TestDatabase.empty("benchmark_poll_" + code.label());
                databases.put(code, database);
                environments.put(code, environment(database, simulator));
                migrate(jar.getValue(), environments.get(code), code);
                variants.addAll(variants(code, code == Code.CURRENT ? Path.of("") : options.baseline(), jar.getValue()));
                if (code == Code.CURRENT) {
                    StartupVariant jdk17 = jdk17WithArchive(variants.get(variants.size() - 2).directory(), clock,
                            environments.get(code));
                    if (jdk17 != null) {
                        variants.add(jdk17);
                    }
                }
            }
            Map<StartupVariant, List<ProcessTiming>> timings = new LinkedHashMap<>();
            variants.forEach(v -> timings.put(v, new ArrayList<>()));
            Map<StartupVariant, String> failures = new HashMap<>();
            // interleaved: run i of every variant before run i + 1 of any
            for (int run = 0; run < options.pollRuns(); run++) {
                for (StartupVariant variant : variants) {
                    if (failures.containsKey(variant)) {
                        continue;
                    }
                    Outcome outcome = poll(variant, clock, environments.get(variant.code()));
                    if (outcome.error() != null) {
                        failures.put(variant, outcome.describe());
                    } else {
                        timings.get(variant).add(outcome.timing());
                    }
                }
            }
            for (StartupVariant variant : variants) {
                report(table, section, variant, timings.get(variant), failures.get(variant));
            }
        } finally {
            for (TestDatabase database : databases.values()) {
                database.close();
            }
        }
        table.note("poll cycle: 'image' is the Dockerfile's steps without Docker (ImageBuild): the jar extracted in "
                + "layers into one directory, the training run of that tree's Dockerfile, then its ENTRYPOINT with "
                + JDK25 + "; Flyway off, as the CronJob runs it. JDK 17 is " + JDK17 + ", Flyway on (the default). "
                + "Raw-payload retention is off (CONVOSO_RETENTION_RAW_PAYLOAD=0): the simulated days are older than "
                + "90 days and would otherwise be dropped, DDL included, at every run. " + options.pollRuns()
                + " run(s) per variant, interleaved, median shown"
                + (options.baseline() == null ? "; no --baseline given, so no previous code to compare." : "."));
    }

    private List<StartupVariant> variants(Code code, Path sourceTree, Path jar) throws Exception {
        Path work = WORK.resolve(code.label());
        Files.createDirectories(work);
        ImageRecipe recipe = ImageRecipe.read(sourceTree.resolve("Dockerfile"));
        Path app = ImageBuild.assemble(JDK25, jar, work);
        ImageBuild.train(sourceTree, app, JDK25, recipe, work.resolve("aot-training.log"));
        return List.of(
                new StartupVariant("the image (JDK 25, its AOT cache and flags)", code, recipe.command(JDK25), app, false),
                new StartupVariant("JDK 17 java -jar", code, List.of(JDK17.toString(), "-jar", jar.toAbsolutePath().toString()),
                        Path.of("").toAbsolutePath(), true));
    }

    /**
     * JDK 17 as docs/performance.md tells a cron or systemd user to run it: the extracted jar, a class-data
     * archive written at the exit of one real poll, C1 only, the serial collector and Spring AOT's context. Null if the archiving run
     * failed (the table then lacks the row, and its log says why).
     */
    private StartupVariant jdk17WithArchive(Path app, ManualClock clock, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path archive = app.resolve("convoso-warehouse-jdk17.jsa");
        List<String> flags = List.of(JDK17.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true");
        List<String> training = new ArrayList<>(flags);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", "convoso-warehouse.jar"));
        Files.deleteIfExists(archive);
        Outcome archived = poll(new StartupVariant("archiving run", Code.CURRENT, training, app, false), clock, environment);
        if (archived.error() != null || !Files.isRegularFile(archive)) {
            return null;
        }
        List<String> command = new ArrayList<>(flags);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", "convoso-warehouse.jar"));
        return new StartupVariant("JDK 17, extracted + CDS archive + C1 + Serial + Spring AOT, Flyway off (docs' steps)", Code.CURRENT, command, app,
                false);
    }

    private void report(ResultTable table, String section, StartupVariant variant, List<ProcessTiming> timings, String failure) {
        String metric = "poll " + AGENTS + " agents, " + variant.label() + " (wall / CPU)";
        if (failure != null) {
            table.measured(section, metric, "failed: " + failure);
            return;
        }
        double wall = median(timings, ProcessTiming::wallSec);
        double cpu = median(timings, ProcessTiming::cpuSec);
        String result = String.format(Locale.ROOT, "%.2f s / %.2f s (wall %.2f–%.2f)", wall, cpu,
                min(timings, ProcessTiming::wallSec), max(timings, ProcessTiming::wallSec));
        if (variant.code() == Code.BASELINE) {
            table.measured(section, metric, result);
        } else if (variant.name().startsWith("JDK 17, extracted")) {
            table.measured(section, metric, result);
        } else if (variant.flyway()) {
            table.checked(section, metric, result, String.format(Locale.ROOT, "wall <= %.0f s", PLAIN_WALL_TARGET_SEC),
                    wall <= PLAIN_WALL_TARGET_SEC);
        } else {
            table.checked(section, metric, result,
                    String.format(Locale.ROOT, "<= %.1f s / <= %.1f s", IMAGE_WALL_TARGET_SEC, IMAGE_CPU_TARGET_SEC),
                    wall <= IMAGE_WALL_TARGET_SEC && cpu <= IMAGE_CPU_TARGET_SEC);
        }
    }

    /** Applies the jar's own migrations, so each code runs against the schema it expects. */
    private static void migrate(Path jar, Map<String, String> environment, Code code) throws IOException, InterruptedException {
        Path log = WORK.resolve("migrate-" + code.label() + ".log");
        ProcessBuilder builder = new ProcessBuilder(JDK17.toString(), "-jar", jar.toAbsolutePath().toString(), "migrate")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("migrate with " + jar + " failed; see " + log);
        }
    }

    /** One poll child process; a new simulated minute and a new scheduled time each time. */
    private Outcome poll(StartupVariant variant, ManualClock clock, Map<String, String> environment)
            throws IOException, InterruptedException {
        clock.advance(Duration.ofMinutes(1));
        Instant scheduledAt = Instant.parse("2025-05-28T17:00:00Z").plus(Duration.ofMinutes(++cycle));
        Path timeFile = WORK.resolve("time.txt");
        Path log = WORK.resolve("poll.log");
        List<String> command = new ArrayList<>(List.of(TIME.toString(), "-f", "%e %U %S", "-o", timeFile.toString()));
        command.addAll(variant.command());
        command.addAll(List.of("poll", "--scheduled-at", scheduledAt.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(variant.directory().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SPRING_FLYWAY_ENABLED", Boolean.toString(variant.flyway()));
        int exit = builder.start().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0) {
            return new Outcome(null, "exit " + exit + ": " + lastLine(output));
        }
        if (!output.contains("1 loaded")) {
            return new Outcome(null, "no snapshot loaded: " + lastLine(output));
        }
        return new Outcome(ProcessTiming.parse(Files.readString(timeFile, StandardCharsets.UTF_8)), null);
    }

    /** A run's timing, or why it has none. */
    private record Outcome(ProcessTiming timing, String error) {

        String describe() {
            return error == null ? "ok" : error.replace("|", "\\|");
        }
    }

    private static Map<String, String> environment(TestDatabase database, SimulatorServer simulator) {
        PostgresServer server = PostgresServer.get();
        Map<String, String> environment = new HashMap<>();
        environment.put("CONVOSO_BASE_URL", simulator.baseUrl());
        environment.put("CONVOSO_AUTH_TOKEN", "demo-token");
        environment.put("CONVOSO_TIME_ZONE", SimulatedAccount.ZONE.getId());
        environment.put("CONVOSO_RETENTION_RAW_PAYLOAD", "0");
        environment.put("SPRING_DATASOURCE_URL", database.url());
        environment.put("SPRING_DATASOURCE_USERNAME", server.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", server.password());
        return environment;
    }

    private static double median(List<ProcessTiming> timings, ToDoubleFunction<ProcessTiming> value) {
        List<ProcessTiming> sorted = timings.stream().sorted(Comparator.comparingDouble(value)).toList();
        return value.applyAsDouble(sorted.get(sorted.size() / 2));
    }

    private static double min(List<ProcessTiming> timings, ToDoubleFunction<ProcessTiming> value) {
        return timings.stream().mapToDouble(value).min().orElseThrow();
    }

    private static double max(List<ProcessTiming> timings, ToDoubleFunction<ProcessTiming> value) {
        return timings.stream().mapToDouble(value).max().orElseThrow();
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
