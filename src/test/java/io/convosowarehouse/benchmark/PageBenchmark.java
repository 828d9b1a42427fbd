package io.convosowarehouse.benchmark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;

import io.convosowarehouse.report.ReportCatalog;
import io.convosowarehouse.report.ReportDefinition;
import io.convosowarehouse.report.ReportFormat;
import io.convosowarehouse.report.ReportResult;
import io.convosowarehouse.report.ReportRunner;
import io.convosowarehouse.testsupport.HeadlessChromium;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The shift_timeline page for a day of 500 agents (synthetic-report-data.sql, 100 intervals per
 * agent): its file size, and how long headless Chromium takes to load and draw it, less the time
 * it takes for an empty page (the browser's own start).
 */
final class PageBenchmark {

    static final int AGENTS = 500;
    static final double RENDER_TARGET_SEC = 2.0;

    private final BenchmarkOptions options;

    PageBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        String section = "page";
        Path pages = Files.createDirectories(Path.of("target", "benchmark-pages"));
        HeadlessChromium chromium = HeadlessChromium.forTests(pages);
        try (TestDatabase database = TestDatabase.empty("benchmark_page")) {
            PostgresServer server = PostgresServer.get();
            Flyway.configure().dataSource(database.url(), server.user(), server.password())
                    .locations("filesystem:" + options.migrationsDir()).load().migrate();
            Psql psql = Psql.forJdbcUrl(database.url(), server.user(), server.password());
            Psql.Run synthesis = psql.file(ReportBenchmark.resource("synthetic-report-data.sql"), Map.of("days", "1",
                    "start_day", ReportBenchmark.FIRST_DAY.toString(), "agents", Integer.toString(AGENTS), "queues", "1"));
            if (!synthesis.ok()) {
                throw new IllegalStateException("synthesizing the day failed: " + synthesis.errors());
            }
            ReportDefinition timeline = ReportCatalog.fromDirectory(options.reportsDir()).find("shift_timeline").orElseThrow();
            long started = System.nanoTime();
            ReportResult result = new ReportRunner(database.dsl()).run(timeline, Map.of("from",
                    ReportBenchmark.FIRST_DAY.toString(), "to", ReportBenchmark.FIRST_DAY.plusDays(1).toString()));
            Path page = pages.resolve("shift_timeline-500-agents.html");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(page, StandardCharsets.UTF_8))) {
                ReportFormat.HTML.renderer().render(timeline.name(), result, out);
            }
            double writeSec = (System.nanoTime() - started) / 1e9;
            table.measured(section, "shift_timeline page, 1 day × 500 agents", String.format(java.util.Locale.ROOT,
                    "%,d bars, %.1f MB, query and page written in %.2f s", result.rows().size(),
                    Files.size(page) / 1e6, writeSec));
            Path empty = pages.resolve("empty.html");
            Files.writeString(empty, "<!DOCTYPE html><title>empty</title>");
            double emptySec = timed(() -> chromium.screenshot(empty, pages.resolve("empty.png"), 1450, 900));
            double pageSec = timed(() -> chromium.screenshot(page, pages.resolve("shift_timeline-500-agents.png"), 1450, 900));
            table.atMost(section, "Chromium load and first paint of that page (less an empty page's "
                    + ResultTable.fmt("%.2f s", emptySec) + ")", pageSec - emptySec, RENDER_TARGET_SEC, "%.2f s");
        }
    }

    private static double timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
