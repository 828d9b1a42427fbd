package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.HeadlessChromium;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The HTML pages of `report --format html` opened in headless Chromium, on crafted data: what a
 * person sees (rows, bars, hours, names as text), and that the page logs no error and requests nothing.
 */
class ShiftTimelinePageIT {

    /** A name that would run script, break an attribute and needs four bytes in UTF-8, if it were not text. */
    private static final String HOSTILE_NAME = "<script>document.title='owned'</script> \"Quoted\" O'Neil 😀";

    private static final Path PAGES = Path.of("target", "browser-pages");

    private static TestDatabase database;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void craftTheDays() throws Exception {
        Files.createDirectories(PAGES);
        chromium = HeadlessChromium.forTests(PAGES);
        database = TestDatabase.migrated("shift_timeline_page");
        database.dsl().execute("""
                select warehouse.ensure_partitions(timestamptz '2025-03-01 00:00Z', timestamptz '2025-12-01 00:00Z');
                insert into warehouse.account (account_name, time_zone) values ('acme', 'America/Los_Angeles');
                insert into warehouse.label (field, value) values ('status', 'READY'), ('status', 'INCALL'),
                    ('status', 'DISPO'), ('status', 'PAUSED'), ('status_label', 'Lunch'), ('status_label', 'Training');
                insert into warehouse.campaign values (1, 55, 'Solar Leads', '2025-05-28 15:00Z', '2025-05-29 03:00Z'),
                    (1, 66, 'Roof Renewals', '2025-05-28 15:00Z', '2025-05-29 03:00Z');
                insert into warehouse.agent values (1, 101, 'Ann Agent', '2025-03-01 00:00Z', '2025-11-03 00:00Z'),
                    (1, 102, {0}, '2025-03-01 00:00Z', '2025-11-03 00:00Z'),
                    (1, 103, 'Cy Night', '2025-03-01 00:00Z', '2025-11-03 00:00Z');
                """.replace("{0}", "'" + HOSTILE_NAME.replace("'", "''") + "'"));
        // Ann (Solar, 09:00 PDT): ready, call, wrap-up, lunch, polling gap 10:00-10:20, ready, training
        interval(101, 55, "READY", null, "2025-05-28 16:00", "2025-05-28 16:10", "state_change", "2025-05-28 16:00");
        interval(101, 55, "INCALL", null, "2025-05-28 16:10", "2025-05-28 16:25", "state_change", "2025-05-28 16:00");
        interval(101, 55, "DISPO", null, "2025-05-28 16:25", "2025-05-28 16:30", "state_change", "2025-05-28 16:00");
        interval(101, 55, "PAUSED", "Lunch", "2025-05-28 16:30", "2025-05-28 17:00", "gap", "2025-05-28 16:00");
        interval(101, 55, "READY", null, "2025-05-28 17:20", "2025-05-28 17:40", "state_change", "2025-05-28 17:20");
        interval(101, 55, "PAUSED", "Training", "2025-05-28 17:40", "2025-05-28 18:00", "logout", "2025-05-28 17:20");
        // the hostile name (Roof, 08:00 PDT), then Cy (Solar, 10:00 PDT)
        interval(102, 66, "READY", null, "2025-05-28 15:00", "2025-05-28 15:30", "state_change", "2025-05-28 15:00");
        interval(102, 66, "INCALL", null, "2025-05-28 15:30", "2025-05-28 16:00", "logout", "2025-05-28 15:00");
        interval(103, 55, "READY", null, "2025-05-28 17:00", "2025-05-28 18:00", "logout", "2025-05-28 17:00");
        // the DST days: Cy over the fall-back night and the spring-forward night
        interval(103, 55, "READY", null, "2025-11-02 07:30", "2025-11-02 11:00", "logout", "2025-11-02 07:30");
        interval(103, 55, "READY", null, "2025-03-09 09:30", "2025-03-09 10:30", "logout", "2025-03-09 09:30");
        // calls: Ann's outbound call is her INCALL bar; the hostile name's inbound call; Cy's whose end no poll saw;
        // and one of the day before, not in the period
        call(101, "2025-05-28 16:10", "2025-05-28 16:25", "finished", "outbound", "2025-05-28 16:00");
        call(102, "2025-05-28 15:30", "2025-05-28 15:50", "finished", "inbound", "2025-05-28 15:00");
        call(103, "2025-05-28 17:30", null, "logout", null, "2025-05-28 17:00");
        call(101, "2025-05-27 16:10", "2025-05-27 16:20", "finished", "outbound", "2025-05-27 16:00");
        database.dsl().execute("analyze");
    }

    private static void interval(long userId, long campaignId, String status, String label, String start, String end,
            String endReason, String login) {
        database.dsl().execute("""
                insert into warehouse.agent_state_interval (account_id, user_id, started_at, ended_at, end_reason, status_ref,
                    status_label_ref, campaign_id, shift_login_at, first_seen_at, last_seen_at)
                select 1, ?, cast(? as timestamp) at time zone 'UTC', cast(? as timestamp) at time zone 'UTC', ?,
                    (select label_id from warehouse.label where field = 'status' and value = ?),
                    (select label_id from warehouse.label where field = 'status_label' and value = ?),
                    ?, cast(? as timestamp) at time zone 'UTC', cast(? as timestamp) at time zone 'UTC',
                    cast(? as timestamp) at time zone 'UTC'
                """, userId, start, end, endReason, status, label, campaignId, login, start, end);
    }

    private static void call(long userId, String start, String end, String endReason, String direction, String login) {
        database.dsl().execute("""
                insert into warehouse.agent_call (account_id, user_id, started_at, ended_at, end_reason, talk_sec, direction,
                    campaign_id, shift_login_at, first_seen_at, ended_seen_at)
                select 1, ?, started_at, ended_at, ?, extract(epoch from ended_at - started_at)::integer, ?, 55,
                    cast(? as timestamp) at time zone 'UTC', started_at, coalesce(ended_at, started_at + interval '1 minute')
                from (select cast(? as timestamp) at time zone 'UTC' as started_at,
                        cast(? as timestamp) at time zone 'UTC' as ended_at) as call_times
                """, userId, endReason, direction, login, start, end);
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private static Path page(String report, String from, String to) {
        Path file = PAGES.resolve(report + "-" + from + ".html");
        Cli.Result result = Cli.run(database.springProperties(), "report", report, "--from", from, "--to", to,
                "--account", "acme", "--format", "html", "--out", file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Wrote " + file.toAbsolutePath());
        return file;
    }


    private static void assertQuietAndOffline(HeadlessChromium.Visit visit) {
        assertThat(visit.consoleMessages()).as("console messages").isEmpty();
        assertThat(visit.requestedUrls()).as("requests other than the page's own file")
                .allMatch(url -> url.startsWith("file:"));
    }

    /** A status bar: its class is its status's place in the account's list of statuses. */
    private static final String BAR = "<rect class=\"s\\d+\"";
    /** A call mark: class ci (inbound), co (outbound) or c (direction unknown). */
    private static final String CALL = "<rect class=\"c[io]?\"";
    private static final Pattern X_AND_WIDTH = Pattern.compile(" x=\"(\\d+)\" width=\"(\\d+)\"");

    @Test
    void everyAgentIsARowAndEveryIntervalABarWithNothingInItsGaps() {
        Path file = page("shift_timeline", "2025-05-28", "2025-05-29");
        HeadlessChromium.Visit visit = chromium.visit(file);
        assertQuietAndOffline(visit);

        long agents = database.dsl().fetchOne("""
                select count(distinct user_id) from warehouse.agent_state_interval
                where started_at < timestamptz '2025-05-29 00:00 America/Los_Angeles'
                    and ended_at > timestamptz '2025-05-28 00:00 America/Los_Angeles'""").get(0, Long.class);
        long intervals = database.dsl().fetchOne("""
                select count(*) from warehouse.agent_state_interval
                where started_at < timestamptz '2025-05-29 00:00 America/Los_Angeles'
                    and ended_at > timestamptz '2025-05-28 00:00 America/Los_Angeles'""").get(0, Long.class);
        assertThat(visit.count("<div class=\"agent-row\"")).isEqualTo(agents).isEqualTo(3);
        assertThat(visit.count(BAR)).isEqualTo(intervals).isEqualTo(9);
        assertThat(visit.count("<g class=\"hour\">")).as("24 hour ticks and the closing one").isEqualTo(25);
        // grouped by campaign in order of first login: Roof Renewals (08:00) before Solar Leads (09:00)
        assertThat(visit.dom().indexOf("Roof Renewals")).isLessThan(visit.dom().indexOf("Solar Leads"));
        assertThat(visit.dom().indexOf("Ann Agent")).isLessThan(visit.dom().indexOf("Cy Night"));
        // the two pause labels are told apart in the legend and in the bars' hover text
        assertThat(visit.dom()).contains("paused: Lunch", "paused: Training");
        List<HeadlessChromium.Hover> bars = chromium.hover(file, "div.agent-row rect[class^=s]", "#timeline-tip");
        assertThat(bars).hasSize(9).allSatisfy(bar -> assertThat(bar.text()).as(bar.element()).isNotBlank());
        assertThat(bars).extracting(HeadlessChromium.Hover::text).contains(
                "Ann Agent · PAUSED (Lunch) · 2025-05-28 09:30:00 – 2025-05-28 10:00:00 · 30m 00s",
                "Ann Agent · READY · 2025-05-28 10:20:00 – 2025-05-28 10:40:00 · 20m 00s",
                "Cy Night · READY · 2025-05-28 10:00:00 – 2025-05-28 11:00:00 · 1h 00m 00s");
        // the polling gap 10:00-10:20 stays empty: the next bar starts 20 minutes after the lunch bar ends
        assertThat(hovered(bars, "Lunch").end() + 20 * 60).isEqualTo(hovered(bars, "READY · 2025-05-28 10:20").start());

        chromium.screenshot(file, PAGES.resolve("shift_timeline.png"), 1450, 300);
        assertThat(PAGES.resolve("shift_timeline.png")).isNotEmptyFile();
    }

    @Test
    void everyCallIsAMarkOnItsAgentsRowFromItsStartToItsEnd() {
        Path file = page("shift_timeline", "2025-05-28", "2025-05-29");
        HeadlessChromium.Visit visit = chromium.visit(file);
        assertQuietAndOffline(visit);

        long calls = database.dsl().fetchOne("""
                select count(*) from warehouse.agent_call
                where started_at < timestamptz '2025-05-29 00:00 America/Los_Angeles'
                    and coalesce(ended_at, started_at) >= timestamptz '2025-05-28 00:00 America/Los_Angeles'""").get(0, Long.class);
        assertThat(visit.count(CALL)).isEqualTo(calls).isEqualTo(3);
        assertThat(visit.count("<div class=\"agent-row\"")).as("calls add no rows").isEqualTo(3);
        // each mark's hover text names the agent of the row it is on; Ann's call lies under her INCALL bar
        List<HeadlessChromium.Hover> marks = chromium.hover(file, "div.agent-row rect", "#timeline-tip");
        assertThat(marks).extracting(HeadlessChromium.Hover::text).contains(
                "Ann Agent · outbound call · 2025-05-28 09:10:00 – 2025-05-28 09:25:00 · talk 15m 00s",
                "Cy Night · call · 2025-05-28 10:30:00 – end not seen (logout)",
                HOSTILE_NAME + " · inbound call · 2025-05-28 08:30:00 – 2025-05-28 08:50:00 · talk 20m 00s");
        Bar call = hovered(marks, "Ann Agent · outbound call");
        Bar incall = hovered(marks, "Ann Agent · INCALL");
        assertThat(call).isEqualTo(incall);

        chromium.screenshot(file, PAGES.resolve("shift_timeline-calls.png"), 1450, 300);
    }

    /** A bar or mark, from and to in seconds from the period's start, as it is drawn. */
    private record Bar(long start, long end) {
    }

    /** Where the one bar or mark whose hover text contains the text is drawn. */
    private static Bar hovered(List<HeadlessChromium.Hover> hovers, String text) {
        List<HeadlessChromium.Hover> found = hovers.stream().filter(hover -> hover.text() != null && hover.text().contains(text))
                .toList();
        assertThat(found).as("marks whose hover text contains '" + text + "'").hasSize(1);
        Matcher place = X_AND_WIDTH.matcher(found.get(0).element());
        assertThat(place.find()).as(found.get(0).element()).isTrue();
        long x = Long.parseLong(place.group(1));
        return new Bar(x, x + Long.parseLong(place.group(2)));
    }

    @Test
    void aHostileAgentNameShowsAsTextAndRunsNothing() {
        Path file = page("shift_timeline", "2025-05-28", "2025-05-29");
        HeadlessChromium.Visit visit = chromium.visit(file);
        assertQuietAndOffline(visit);
        assertThat(visit.count("<script")).as("script elements: the page's own only").isEqualTo(1);
        assertThat(visit.dom()).contains("<title>shift_timeline</title>")
                .contains("&lt;script&gt;document.title='owned'&lt;/script&gt; \"Quoted\" O'Neil 😀</span>");
        // on hover too the name is only text, and nothing ran
        assertThat(chromium.hover(file, "div.agent-row rect", "#timeline-tip")).extracting(HeadlessChromium.Hover::text)
                .contains(HOSTILE_NAME + " · READY · 2025-05-28 08:00:00 – 2025-05-28 08:30:00 · 30m 00s");
    }

    @Test
    void aDstDayShowsTheHoursItHad() {
        Path fallBackPage = page("shift_timeline", "2025-11-02", "2025-11-03");
        HeadlessChromium.Visit fallBack = chromium.visit(fallBackPage);
        assertQuietAndOffline(fallBack);
        assertThat(fallBack.dom()).contains("America/Los_Angeles, 25 hours");
        assertThat(fallBack.count(">01:00</text>")).as("01:00 twice").isEqualTo(2);
        assertThat(fallBack.count("<g class=\"hour\">")).isEqualTo(26);
        // Cy's bar from 00:30 PDT over the fall-back to 03:00 PST: three and a half real hours
        assertThat(chromium.hover(fallBackPage, "div.agent-row rect", "#timeline-tip")).extracting(HeadlessChromium.Hover::text)
                .containsExactly("Cy Night · READY · 2025-11-02 00:30:00 – 2025-11-02 03:00:00 · 3h 30m 00s");

        Path springForwardPage = page("shift_timeline", "2025-03-09", "2025-03-10");
        HeadlessChromium.Visit springForward = chromium.visit(springForwardPage);
        assertThat(springForward.dom()).contains("America/Los_Angeles, 23 hours").doesNotContain(">02:00</text>");
        assertThat(springForward.count("<g class=\"hour\">")).isEqualTo(24);
        // from 01:30 PST over the spring-forward to 03:30 PDT: one real hour
        assertThat(chromium.hover(springForwardPage, "div.agent-row rect", "#timeline-tip")).extracting(HeadlessChromium.Hover::text)
                .containsExactly("Cy Night · READY · 2025-03-09 01:30:00 – 2025-03-09 03:30:00 · 1h 00m 00s");
    }

    @Test
    void theCheckSeesWhatAPageWouldDoWrong() throws Exception {
        // a page that logs an error and asks the network: the checks above would fail on it
        Path bad = PAGES.resolve("misbehaving.html");
        Files.writeString(bad, "<html><body><script>console.error('boom')</script><img src=\"http://example.invalid/a.png\"></body></html>");
        HeadlessChromium.Visit visit = chromium.visit(bad);
        assertThat(visit.consoleMessages()).anyMatch(message -> message.contains("boom"));
        assertThat(visit.requestedUrls()).contains("http://example.invalid/a.png");
    }
}
