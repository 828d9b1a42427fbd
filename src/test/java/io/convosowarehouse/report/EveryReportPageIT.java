package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.HeadlessChromium;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Every report of sql-reports/ written with {@code --format html} and opened in headless Chromium on
 * {@link GoldenData}: quiet, offline, and showing every row the report gives, cell by cell (the
 * timeline as one bar per row).
 */
class EveryReportPageIT {

    private static final Path PAGES = Path.of("target", "browser-pages");
    private static final ReportCatalog CATALOG = ReportCatalog.fromDirectory(Path.of("sql-reports"));
    private static final Pattern BODY_ROW = Pattern.compile("<tr>((?:<td>[^<]*</td>)+)</tr>");
    private static final Pattern CELL = Pattern.compile("<td>([^<]*)</td>");

    private static TestDatabase database;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void loadGoldenData() throws Exception {
        Files.createDirectories(PAGES);
        chromium = HeadlessChromium.forTests(PAGES);
        database = TestDatabase.migrated("every_report_page");
        GoldenData.load(database.dsl());
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyReportIsAQuietOfflinePageShowingEachOfItsRows() {
        assertThat(CATALOG.all()).hasSizeGreaterThanOrEqualTo(9);
        for (ReportDefinition report : CATALOG.all()) {
            Path file = PAGES.resolve("every-report-" + report.name() + ".html");
            Cli.Result result = Cli.run(database.springProperties(), "report", report.name(), "--from", "2025-05-28", "--to",
                    "2025-05-29", "--account", GoldenData.ACCOUNT_NAME, "--format", "html", "--out", file.toString());
            assertThat(result.exitCode()).as(result.all()).isZero();
            HeadlessChromium.Visit visit = chromium.visit(file);
            assertThat(visit.consoleMessages()).as(report.name() + " console messages").isEmpty();
            assertThat(visit.requestedUrls()).as(report.name() + " requests").allMatch(url -> url.startsWith("file:"));
            assertThat(visit.count("<script")).as(report.name() + " script elements (the timeline's hover text is its own)")
                    .isEqualTo(report.name().equals("shift_timeline") ? 1 : 0);
            assertThat(visit.dom()).contains("<h1>" + report.name() + "</h1>");

            ReportResult rows = new ReportRunner(database.dsl()).run(report, Map.of("from", "2025-05-28", "to", "2025-05-29",
                    "account", GoldenData.ACCOUNT_NAME));
            assertThat(rows.rows()).as(report.name() + " has rows on the golden day").isNotEmpty();
            if (report.name().equals("shift_timeline")) {
                assertThat(visit.count("<rect class=\"(s\\d+|c[io]?)\"")).as("one bar per interval or call")
                        .isEqualTo(rows.rows().size());
                assertThat(visit.count("<rect class=\"c[io]?\"")).as("the golden day's calls").isEqualTo(2);
                continue;
            }
            assertThat(cells(visit.dom())).as(report.name() + " table cells").isEqualTo(rows.rows().stream()
                    .map(row -> row.stream().map(value -> value == null ? "" : value).toList()).toList());
            assertThat(visit.count("<th>")).as(report.name() + " header cells")
                    .isGreaterThanOrEqualTo(rows.columns().size());
            assertThat(visit.dom()).contains("<p>" + rows.rows().size() + (rows.rows().size() == 1 ? " row" : " rows") + "</p>");
            long numberColumns = rows.columns().stream().filter(column -> column.kind() == ReportColumn.Kind.NUMBER).count();
            assertThat(visit.count("table\\.rows td:nth-child\\(\\d+\\)")).as(report.name() + " right-aligned columns")
                    .isEqualTo(numberColumns);
        }
        assertThat(chromium.visit(PAGES.resolve("every-report-staffing_heatmap.html")).count("<table class=\"heatmap\">"))
                .isEqualTo(1);
    }

    /** The text of every body cell of the table of rows, row by row. */
    private static List<List<String>> cells(String dom) {
        String table = dom.substring(dom.indexOf("<table class=\"rows\">"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = BODY_ROW.matcher(table);
        while (row.find()) {
            List<String> values = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                values.add(cell.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            }
            rows.add(values);
        }
        return rows;
    }
}
