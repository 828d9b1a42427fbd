package io.convosowarehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.HeadlessChromium;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The demo ends with a picture: the page it prints opens offline in Chromium and shows every
 * simulated agent's shift. Its screenshot (target/browser-pages/demo-timeline.png) is the README's.
 */
class DemoTimelinePageIT {

    @Test
    void theDemoPrintsAPageThatShowsTheSimulatedShift() throws Exception {
        Path pages = Files.createDirectories(Path.of("target", "browser-pages"));
        HeadlessChromium chromium = HeadlessChromium.forTests(pages);
        Path page = pages.resolve("demo-timeline.html");
        try (TestDatabase database = TestDatabase.empty("demo_timeline_page")) {
            Cli.Result demo = Cli.run(database.springProperties(), "demo", "--agents", "12", "--hours", "4",
                    "--start", "2025-05-28T08:00", "--page", page.toString());
            assertThat(demo.exitCode()).as(demo.all()).isZero();
            assertThat(demo.out()).contains("The shift as a timeline (open it in a browser, it needs no network): "
                    + page.toAbsolutePath());

            HeadlessChromium.Visit visit = chromium.visit(page);
            assertThat(visit.consoleMessages()).isEmpty();
            assertThat(visit.requestedUrls()).allMatch(url -> url.startsWith("file:"));
            long agents = ((Number) database.dsl().fetchValue(
                    "select count(distinct user_id) from warehouse.agent_state_interval")).longValue();
            assertThat(visit.count("<div class=\"agent-row\"")).isEqualTo(agents).isPositive();
            long intervals = ((Number) database.dsl().fetchValue(
                    "select count(*) from warehouse.agent_state_interval")).longValue();
            assertThat(visit.count("<rect class=\"s\\d+\"")).isEqualTo(intervals);
        }
        chromium.screenshot(page, pages.resolve("demo-timeline.png"), 1450, 420);
        assertThat(pages.resolve("demo-timeline.png")).isNotEmptyFile();
    }
}
