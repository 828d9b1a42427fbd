package io.convosowarehouse.benchmark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
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
 * The HTML pages of an account of 500 agents (synthetic-report-data.sql, 100 intervals per agent a
 * day, settled as the job would): the shift_timeline page of one day, and the interval_activity page
 * of one day and of the synthesized days (a month in a full run) in 15-minute buckets. For each: its
 * file size, the time to query and write it, and how long headless Chromium takes to load and draw
 * it (median of three), less the time it takes for an empty page (the browser's own start); and the
 * CPU time of its renderer's main thread in Chromium's trace, which a busy machine stretches far less.
 */
final class PageBenchmark {

    static final int AGENTS = 500;
    static final double RENDER_TARGET_SEC = 2.0;
    private static final int OPENS = 3;
    /** The window the pages are opened in: a laptop's screen. */
    private static final int WIDTH = 1450;
    private static final int HEIGHT = 900;

    private final BenchmarkOptions options;

    PageBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        Path pages = Files.createDirectories(Path.of("target", "benchmark-pages"));
        HeadlessChromium chromium = HeadlessChromium.forTests(pages);
        try (TestDatabase database = TestDatabase.empty("benchmark_page")) {
            PostgresServer server = PostgresServer.get();
            Flyway.configure().dataSource(database.url(), server.user(), server.password())
                    .locations("filesystem:" + options.migrationsDir()).load().migrate();
            Psql psql = Psql.forJdbcUrl(database.url(), server.user(), server.password());
            int days = options.reportDays();
            Psql.Run synthesis = psql.file(ReportBenchmark.resource("synthetic-report-data.sql"), Map.of("days",
                    Integer.toString(days), "start_day", ReportBenchmark.FIRST_DAY.toString(), "agents", Integer.toString(AGENTS),
                    "queues", "1"));
            if (!synthesis.ok()) {
                throw new IllegalStateException("synthesizing the days failed: " + synthesis.errors());
            }
            Psql.Run settle = psql.file(ReportBenchmark.resource("settle-report-data.sql"), Map.of("days", Integer.toString(days)));
            if (!settle.ok()) {
                throw new IllegalStateException("settling the aggregates failed: " + settle.errors());
            }
            Path empty = pages.resolve("empty.html");
            Files.writeString(empty, "<!DOCTYPE html><title>empty</title>");
            double emptySec = medianOpen(chromium, empty, pages.resolve("empty.png"));
            double emptyCpuSec = chromium.rendererMainThreadCpuSec(empty, WIDTH, HEIGHT);
            table.measured("page", "Chromium start with an empty page (subtracted below)", String.format(Locale.ROOT,
                    "%.2f s, renderer main thread %.2f s CPU", emptySec, emptyCpuSec));

            ReportCatalog catalog = ReportCatalog.fromDirectory(options.reportsDir());
            String firstDay = ReportBenchmark.FIRST_DAY.toString();
            String nextDay = ReportBenchmark.FIRST_DAY.plusDays(1).toString();
            Page pageMaker = new Page(new ReportRunner(database.dsl()), chromium, pages, emptySec, emptyCpuSec, table);
            pageMaker.measure(catalog.find("shift_timeline").orElseThrow(), Map.of("from", firstDay, "to", nextDay),
                    "shift_timeline page, 1 day × 500 agents", "bars and call marks");
            pageMaker.measure(catalog.find("interval_activity").orElseThrow(), Map.of("from", firstDay, "to", nextDay,
                    "bucket", "15"), "interval_activity page, 1 day of 15-minute buckets", "buckets");
            pageMaker.measure(catalog.find("interval_activity").orElseThrow(), Map.of("from", firstDay, "to",
                    ReportBenchmark.FIRST_DAY.plusDays(days).toString(), "bucket", "15"),
                    "interval_activity page, " + days + " days of 15-minute buckets", "buckets");
        }
    }

    /** Writes one report's page and opens it: size, write time, and load and first paint in Chromium. */
    private record Page(ReportRunner runner, HeadlessChromium chromium, Path pages, double emptySec, double emptyCpuSec,
            ResultTable table) {

        void measure(ReportDefinition report, Map<String, String> parameters, String name, String rowsAre) throws Exception {
            long started = System.nanoTime();
            ReportResult result = runner.run(report, parameters);
            Path page = pages.resolve(name.replaceAll("[^a-z0-9_]+", "-") + ".html");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(page, StandardCharsets.UTF_8))) {
                ReportFormat.HTML.renderer().render(report.name(), result, out);
            }
            double writeSec = (System.nanoTime() - started) / 1e9;
            table.measured("page", name, String.format(Locale.ROOT, "%,d %s, %.2f MB, query and page written in %.2f s",
                    result.rows().size(), rowsAre, Files.size(page) / 1e6, writeSec));
            double openSec = medianOpen(chromium, page, pages.resolve(page.getFileName() + ".png"));
            table.atMost("page", "Chromium load and first paint of that page (median of " + OPENS + ", less the empty page)",
                    openSec - emptySec, RENDER_TARGET_SEC, "%.2f s");
            table.atMost("page", "its renderer main thread's CPU for load and first paint (Chromium's trace, less the empty page)",
                    chromium.rendererMainThreadCpuSec(page, WIDTH, HEIGHT) - emptyCpuSec, RENDER_TARGET_SEC, "%.2f s");
        }
    }

    private static double medianOpen(HeadlessChromium chromium, Path page, Path png) {
        double[] seconds = new double[OPENS];
        for (int i = 0; i < OPENS; i++) {
            long started = System.nanoTime();
            chromium.screenshot(page, png, WIDTH, HEIGHT);
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[OPENS / 2];
    }
}
