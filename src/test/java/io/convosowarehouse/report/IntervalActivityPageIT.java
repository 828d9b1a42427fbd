package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The interval_activity page opened in headless Chromium on {@link GoldenData}: one stacked bar per
 * bucket whose parts, read against the page's own axes, are the agents per status the report gives,
 * calls and drop % likewise; a DST day's axis; quiet and offline.
 */
class IntervalActivityPageIT {

    private static final Path PAGES = Path.of("target", "browser-pages");
    private static final List<String> FAMILIES = List.of("ready", "wait", "incall", "dispo", "paused", "dead");
    private static final Pattern BUCKET = Pattern.compile("<g class=\"bucket\"><title>([^<]*)</title>(.*?)</g>");
    private static final Pattern RECT = Pattern.compile(
            "<rect class=\"(\\w+)\" x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"");

    private static TestDatabase database;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void loadGoldenData() throws Exception {
        Files.createDirectories(PAGES);
        chromium = HeadlessChromium.forTests(PAGES);
        database = TestDatabase.migrated("interval_activity_page");
        GoldenData.load(database.dsl());
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private static Path page(String from, String to, String bucket) {
        Path file = PAGES.resolve("interval_activity-" + from + "-" + bucket + ".html");
        Cli.Result result = Cli.run(database.springProperties(), "report", "interval_activity", "--from", from, "--to", to,
                "--account", GoldenData.ACCOUNT_NAME, "--bucket", bucket, "--format", "html", "--out", file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        return file;
    }

    /** The report's rows straight from the database, as CSV gives them. */
    private static CsvTable rows(String from, String to, String bucket) {
        ReportResult result = new ReportRunner(database.dsl()).run(
                ReportCatalog.fromDirectory(Path.of("sql-reports")).find("interval_activity").orElseThrow(),
                Map.of("from", from, "to", to, "bucket", bucket, "account", GoldenData.ACCOUNT_NAME));
        StringWriter csv = new StringWriter();
        ReportFormat.CSV.renderer().render("interval_activity", result, new PrintWriter(csv));
        return CsvTable.parse(csv.toString(), "account_name");
    }

    private static void assertQuietAndOffline(HeadlessChromium.Visit visit) {
        assertThat(visit.consoleMessages()).as("console messages").isEmpty();
        assertThat(visit.requestedUrls()).as("requests other than the page's own file").allMatch(url -> url.startsWith("file:"));
        assertThat(visit.count("<script")).as("script elements").isZero();
    }

    @Test
    void everyBucketIsAStackedBarAsHighAsItsAgentsAndItsCalls() {
        Path file = page("2025-05-28", "2025-05-29", "15");
        HeadlessChromium.Visit visit = chromium.visit(file);
        assertQuietAndOffline(visit);
        CsvTable rows = rows("2025-05-28", "2025-05-29", "15");
        Chart chart = Chart.read(visit.dom());

        assertThat(chart.buckets()).hasSize(rows.rows().size()).hasSize(96);
        assertThat(visit.dom()).contains("acme: 24 hours in 96 buckets");
        for (Map<String, String> row : rows.rows()) {
            String start = row.get("bucket_start_local").substring(0, 16);
            Map<String, Double> bar = chart.bucket(start);
            double stack = 0;
            for (String family : FAMILIES) {
                double agents = bar.getOrDefault(family, 0.0) / chart.pixelsPer("y-agents");
                assertThat(agents).as(start + " " + family).isCloseTo(Double.parseDouble(row.get("avg_" + family + "_agents")),
                        offset(0.005));
                stack += agents;
            }
            assertThat(stack).as(start + " whole bar").isCloseTo(Double.parseDouble(row.get("avg_logged_in_agents")), offset(0.04));
            assertThat(bar.getOrDefault("calls", 0.0) / chart.pixelsPer("y-calls")).as(start + " calls")
                    .isCloseTo(Double.parseDouble(row.get("calls")), offset(0.05));
        }
        // GoldenData's 09:15 quarter: both agents in a call at 09:22-09:25 and Ann 09:15-09:25, so 1.20 agents in call
        assertThat(chart.bucket("2025-05-28 09:15").get("incall") / chart.pixelsPer("y-agents")).isCloseTo(1.2, offset(0.005));

        List<String> dropPcts = rows.column("drop_pct").stream().filter(value -> !value.isEmpty()).toList();
        assertThat(chart.dropPoints()).hasSize(dropPcts.size()).isNotEmpty();
        for (int i = 0; i < dropPcts.size(); i++) {
            assertThat(chart.dropPoints().get(i) / chart.pixelsPer("y-drop-pct")).isCloseTo(Double.parseDouble(dropPcts.get(i)),
                    offset(0.05));
        }

        chromium.screenshot(file, PAGES.resolve("interval_activity.png"), 1330, 560);
        assertThat(PAGES.resolve("interval_activity.png")).isNotEmptyFile();
    }

    @Test
    void aDstDayShowsTheHoursItHad() {
        HeadlessChromium.Visit fallBack = chromium.visit(page("2025-11-02", "2025-11-03", "60"));
        assertQuietAndOffline(fallBack);
        assertThat(fallBack.dom()).contains("acme: 25 hours in 25 buckets");
        assertThat(fallBack.count("<g class=\"bucket\">")).isEqualTo(25);
        assertThat(fallBack.count("<g class=\"time\">")).isEqualTo(25);
        assertThat(fallBack.count(">01:00</text>")).as("01:00 twice").isEqualTo(2);
        // both 01:00 hours had Cy ready all hour, told apart by their UTC offsets
        Chart chart = Chart.read(fallBack.dom());
        assertThat(chart.bucket("2025-11-02 01:00 UTC-07:00").get("ready") / chart.pixelsPer("y-agents")).isCloseTo(1.0, offset(0.005));
        assertThat(chart.bucket("2025-11-02 01:00 UTC-08:00").get("ready") / chart.pixelsPer("y-agents")).isCloseTo(1.0, offset(0.005));

        HeadlessChromium.Visit springForward = chromium.visit(page("2025-03-09", "2025-03-10", "60"));
        assertQuietAndOffline(springForward);
        assertThat(springForward.dom()).contains("acme: 23 hours in 23 buckets").doesNotContain(">02:00</text>");
        assertThat(springForward.count("<g class=\"time\">")).isEqualTo(23);
    }

    @Test
    void aMonthOfQuarterHoursIsOneBarPerBucketWithATickPerDay() throws Exception {
        Path file = page("2025-05-01", "2025-06-01", "15");
        HeadlessChromium.Visit visit = chromium.visit(file);
        assertQuietAndOffline(visit);
        int buckets = rows("2025-05-01", "2025-06-01", "15").rows().size();
        assertThat(buckets).isEqualTo(31 * 96);
        assertThat(visit.count("<g class=\"bucket\">")).isEqualTo(buckets);
        assertThat(visit.count("<g class=\"time\">")).as("a tick every local midnight").isEqualTo(31);
        // the table holds every bucket, in parts of 100 rows the browser lays out only when scrolled to
        assertThat(visit.count("<tr><td>")).isEqualTo(buckets);
        assertThat(visit.count("<div class=\"rows-part\"")).isEqualTo((buckets + 99) / 100);
    }

    /**
     * What the page drew, read back from its DOM: each bucket's bar heights in pixels by class, the
     * drop % points' heights above the calls panel's bottom, and each axis' pixels per unit.
     */
    private record Chart(Map<String, Map<String, Double>> buckets, List<Double> dropPoints, Map<String, Double> scales) {

        static Chart read(String dom) {
            Map<String, Map<String, Double>> buckets = new HashMap<>();
            Matcher bucket = BUCKET.matcher(dom);
            while (bucket.find()) {
                Map<String, Double> heights = new HashMap<>();
                Matcher rect = RECT.matcher(bucket.group(2));
                while (rect.find()) {
                    heights.merge(rect.group(1), Double.parseDouble(rect.group(5)), Double::sum);
                }
                buckets.put(bucket.group(1), heights);
            }
            Map<String, Double> scales = new HashMap<>();
            Map<String, Double> bottoms = new HashMap<>();
            for (String axis : List.of("y-agents", "y-calls", "y-drop-pct")) {
                Matcher tick = Pattern.compile("<g class=\"" + axis + "\"><line class=\"grid\"[^>]* y1=\"([0-9.]+)\"[^>]*>"
                        + "</line><text[^>]*>([0-9.]+)</text>").matcher(dom);
                List<double[]> ticks = new ArrayList<>();
                while (tick.find()) {
                    ticks.add(new double[] {Double.parseDouble(tick.group(1)), Double.parseDouble(tick.group(2))});
                }
                assertThat(ticks).as(axis + " gridlines").hasSizeGreaterThanOrEqualTo(2);
                double[] zero = ticks.get(0);
                double[] top = ticks.get(ticks.size() - 1);
                assertThat(zero[1]).as(axis + " starts at 0").isZero();
                scales.put(axis, (zero[0] - top[0]) / top[1]);
                bottoms.put(axis, zero[0]);
            }
            List<Double> dropPoints = new ArrayList<>();
            Matcher path = Pattern.compile("<path class=\"drop-pct\" d=\"([^\"]*)\"").matcher(dom);
            if (path.find()) {
                Matcher point = Pattern.compile("[ML]([0-9.]+) ([0-9.]+)").matcher(path.group(1));
                while (point.find()) {
                    dropPoints.add(bottoms.get("y-drop-pct") - Double.parseDouble(point.group(2)));
                }
            }
            return new Chart(buckets, dropPoints, scales);
        }

        /** The bar whose title starts with the text, e.g. "2025-05-28 09:15". */
        Map<String, Double> bucket(String titleStart) {
            List<Map<String, Double>> found = buckets.entrySet().stream().filter(entry -> entry.getKey().startsWith(titleStart))
                    .map(Map.Entry::getValue).toList();
            assertThat(found).as("bars titled " + titleStart).hasSize(1);
            return found.get(0);
        }

        double pixelsPer(String axis) {
            return scales.get(axis);
        }
    }
}
