package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Times every {@code sql-reports/*.sql} file, found at run time, through psql over one day, one
 * week and the whole synthesized range, on a database of its own filled in bulk by
 * synthetic-report-data.sql (see its header for what is synthesized and how much), whose aggregates are then
 * settled by settle-report-data.sql as the job would have settled them poll by poll.
 */
final class ReportBenchmark {

    static final double WEEK_TARGET_SEC = 1.0;
    static final double MONTH_TARGET_SEC = 5.0;
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 4, 1);
    static final int AGENTS = 1_000;
    static final int QUEUES = 10;

    /** A report window: {@code to} is passed as the day after the last day, i.e. [from, to). */
    private record Window(String name, LocalDate from, int days, double targetSec) {
    }

    private final BenchmarkOptions options;

    ReportBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        List<Path> reports = discover(options.reportsDir());
        String section = "reports";
        if (reports.isEmpty()) {
            table.measured(section, "sql-reports/*.sql", "none found in " + options.reportsDir().toAbsolutePath()
                    + "; skipped");
            return;
        }
        try (TestDatabase database = TestDatabase.empty("benchmark_reports")) {
            PostgresServer server = PostgresServer.get();
            Flyway.configure()
                    .dataSource(database.url(), server.user(), server.password())
                    .locations("filesystem:" + options.migrationsDir())
                    .load()
                    .migrate();
            Psql psql = Psql.forJdbcUrl(database.url(), server.user(), server.password());
            Psql.Run synthesis = psql.file(resource("synthetic-report-data.sql"), Map.of("days",
                    Integer.toString(options.reportDays()), "start_day", FIRST_DAY.toString(), "agents",
                    Integer.toString(AGENTS), "queues", Integer.toString(QUEUES)));
            if (!synthesis.ok()) {
                throw new IllegalStateException("synthesizing report data failed: " + synthesis.errors());
            }
            table.measured(section, "synthesized data (SQL generate_series, not the pipeline)", String.format(
                    Locale.ROOT, "%d days × %,d agents: %,d intervals, %,d shifts, %,d campaign_stats, %,d queue_stats rows in %.0f s",
                    options.reportDays(), AGENTS, database.count("warehouse.agent_state_interval"),
                    database.count("warehouse.agent_shift"), database.count("warehouse.campaign_stats"),
                    database.count("warehouse.queue_stats"), synthesis.nanos() / 1e9));
            Psql.Run settle = psql.file(resource("settle-report-data.sql"), Map.of("days",
                    Integer.toString(options.reportDays())));
            if (!settle.ok()) {
                throw new IllegalStateException("settling the aggregates failed: " + settle.errors());
            }
            table.measured(section, "settling them (warehouse.settle_aggregates; the job does it per poll)", String.format(
                    Locale.ROOT, "%,d quarter-hour and %,d agent-day rows in %.0f s",
                    database.count("warehouse.settled_agent_status_quarter_hour"),
                    database.count("warehouse.settled_agent_state_day"), settle.nanos() / 1e9));
            Psql.Run empty = psql.file(resource("empty-report.sql"), Map.of());
            for (Path report : reports) {
                for (Window window : windows()) {
                    Psql.Run run = psql.file(report, Map.of("from", window.from().toString(), "to",
                            window.from().plusDays(window.days()).toString()));
                    String metric = report.getFileName() + " over " + window.name();
                    if (!run.ok()) {
                        table.measured(section, metric, "ERROR: " + firstLine(run.errors()));
                    } else if (Double.isNaN(window.targetSec())) {
                        table.measured(section, metric, ResultTable.fmt("%.2f s", run.nanos() / 1e9));
                    } else {
                        table.atMost(section, metric, run.nanos() / 1e9, window.targetSec(), "%.2f s");
                    }
                }
            }
            table.note(String.format(Locale.ROOT, "report times are psql process wall times (start %.2f s, "
                    + "measured with an empty file); windows are [from, to) with to = from + days.", empty.nanos() / 1e9));
        }
    }

    private List<Window> windows() {
        LocalDate middle = FIRST_DAY.plusDays(options.reportDays() / 2);
        if (options.quick()) {
            return List.of(new Window("1 week", FIRST_DAY, Math.min(7, options.reportDays()), WEEK_TARGET_SEC));
        }
        return List.of(new Window("1 day", middle, 1, Double.NaN), new Window("1 week", middle, 7, WEEK_TARGET_SEC),
                new Window(options.reportDays() + " days", FIRST_DAY, options.reportDays(), MONTH_TARGET_SEC));
    }

    private static List<Path> discover(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** A classpath resource of this benchmark as a file psql can read. */
    static Path resource(String name) throws IOException {
        Path file = Files.createTempFile("benchmark-", "-" + name);
        file.toFile().deleteOnExit();
        try (InputStream in = ReportBenchmark.class.getResourceAsStream("/benchmark/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource benchmark/" + name);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("exit code without message");
        return (line.length() > 120 ? line.substring(0, 120) + "…" : line).replace("|", "\\|");
    }
}
