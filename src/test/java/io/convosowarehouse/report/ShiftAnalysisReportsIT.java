package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Every report on {@link GoldenData} against results computed by hand; and every report file run by
 * the real command line and by psql giving the same rows.
 */
class ShiftAnalysisReportsIT {

    private static final ReportCatalog CATALOG = ReportCatalog.fromDirectory(Path.of("sql-reports"));

    private static TestDatabase database;

    @BeforeAll
    static void loadGoldenData() {
        database = TestDatabase.migrated("shift_analysis_reports");
        GoldenData.load(database.dsl());
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        database.close();
    }

    private static String[] args(String report, String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("report", report, "--from", from, "--to", to, "--format", "csv",
                "--account", GoldenData.ACCOUNT_NAME));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * Runs a report file in-process with the runner the command line uses (the command line itself is
     * exercised, for every report, by the psql comparison below) and reads its CSV back.
     */
    private static CsvTable report(String report, String from, String to, String... parameters) {
        Map<String, String> values = new HashMap<>(Map.of("from", from, "to", to, "account", GoldenData.ACCOUNT_NAME));
        for (String parameter : parameters) {
            values.put(parameter.substring(0, parameter.indexOf('=')), parameter.substring(parameter.indexOf('=') + 1));
        }
        ReportResult result = new ReportRunner(database.dsl()).run(CATALOG.find(report).orElseThrow(), values);
        StringWriter csv = new StringWriter();
        ReportFormat.CSV.renderer().render(report, result, new PrintWriter(csv));
        return CsvTable.parse(csv.toString(), "account_name");
    }

    /** The key of each report's grain, as its header states it. */
    private static final Map<String, List<String>> GRAIN = Map.ofEntries(
            Map.entry("agent_performance", List.of("account_name", "local_date", "user_id")),
            Map.entry("call_detail", List.of("account_name", "user_id", "started_local")),
            Map.entry("shift_summary", List.of("account_name", "user_id", "login_local")),
            Map.entry("agent_time_in_state", List.of("account_name", "local_date", "user_id")),
            Map.entry("interval_activity", List.of("account_name", "bucket_start_local", "utc_offset")),
            Map.entry("queue_service", List.of("account_name", "queue_name", "bucket_start_local", "utc_offset")),
            Map.entry("campaign_performance", List.of("account_name", "campaign_name", "bucket_start_local", "utc_offset")),
            Map.entry("pause_analysis", List.of("account_name", "user_id")),
            Map.entry("staffing_heatmap", List.of("account_name", "iso_weekday", "local_hour")),
            Map.entry("data_coverage", List.of("account_name", "local_date")),
            Map.entry("shift_timeline", List.of("account_name", "user_id", "started_local", "row_kind")));

    @Test
    void everyReportHoldsItsGrainOverEveryAccountAndTheFallBackDay() {
        assertThat(GRAIN.keySet()).containsExactlyInAnyOrderElementsOf(
                CATALOG.all().stream().map(ReportDefinition::name).toList());
        for (String[] period : new String[][] {{"2025-05-28", "2025-05-30"}, {"2025-11-01", "2025-11-03"}}) {
            for (Map.Entry<String, List<String>> grain : GRAIN.entrySet()) {
                CsvTable rows = report(grain.getKey(), period[0], period[1], "account=");
                List<String> keys = rows.rows().stream()
                        .map(row -> grain.getValue().stream().map(row::get).toList())
                        .peek(key -> assertThat(key).as(grain.getKey()).doesNotContain(""))
                        .map(String::valueOf)
                        .toList();
                assertThat(keys).as(grain.getKey() + " " + period[0]).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void shiftSummaryHasOneRowPerAgentPerShiftWithOccupancyFromSummedTimes() {
        CsvTable shifts = report("shift_summary", "2025-05-28", "2025-05-29");

        // the over-midnight shift belongs to the 28th, the day it began
        assertThat(shifts.rows()).hasSize(5);
        assertThat(new HashSet<>(shifts.rows().stream().map(r -> r.get("user_id") + r.get("login_local")).toList())).hasSize(5);
        Map<String, String> ann = shifts.row("user_id", "101");
        assertThat(ann).containsEntry("login_local", "2025-05-28 09:00:00").containsEntry("logout_local", "2025-05-28 10:00:00")
                .containsEntry("logged_in_sec", "3600").containsEntry("occupancy_pct", "50.0") // 1200 / (1200 + 1200)
                .containsEntry("utilization_pct", "33.3").containsEntry("calls_handled", "3").containsEntry("calls_per_hour", "3.0");
        // 1380 / (1380 + 300) = 82.14 %
        assertThat(shifts.row("user_id", "102", "login_local", "2025-05-28 09:15:00")).containsEntry("occupancy_pct", "82.1")
                .containsEntry("utilization_pct", "76.7").containsEntry("calls_per_hour", "4.0");
        assertThat(shifts.row("user_id", "102", "login_local", "2025-05-28 23:30:00")).containsEntry("logout_local", "2025-05-29 00:30:00")
                .containsEntry("shift_date", "2025-05-28").containsEntry("occupancy_pct", "0.0");
        // a shift ended by a polling gap, without handle or available time: occupancy is undefined, not 0
        assertThat(shifts.row("user_id", "103", "login_local", "2025-05-28 14:00:00")).containsEntry("end_reason", "gap")
                .containsEntry("occupancy_pct", "");
    }

    @Test
    void callDetailShowsEachCallWithItsWrapUp() {
        CsvTable calls = report("call_detail", "2025-05-28", "2025-05-29");

        assertThat(calls.rows()).hasSize(2);
        // Ann's wrap-up is the DISPO 09:25-09:30 after her call; PAUSED at 09:30 is where she moved on
        assertThat(calls.row("user_id", "101")).containsEntry("started_local", "2025-05-28 09:10:00")
                .containsEntry("ended_local", "2025-05-28 09:25:00").containsEntry("end_reason", "finished")
                .containsEntry("direction", "outbound").containsEntry("campaign_name", "Solar Leads")
                .containsEntry("talk_sec", "900").containsEntry("wrap_up_sec", "300").containsEntry("handle_sec", "1200");
        // Bob logged out from the call's INCALL interval: no wrap-up
        assertThat(calls.row("user_id", "102")).containsEntry("started_local", "2025-05-28 09:22:00")
                .containsEntry("ended_local", "2025-05-28 09:40:00").containsEntry("end_reason", "finished")
                .containsEntry("direction", "inbound").containsEntry("queue_name", "Support").containsEntry("talk_sec", "1080")
                .containsEntry("wrap_up_sec", "0").containsEntry("handle_sec", "1080");
    }

    @Test
    void agentPerformanceAveragesTalkAndWrapUpOverFinishedCallsAndPauseOverCountedOnes() {
        CsvTable days = report("agent_performance", "2025-05-28", "2025-05-29");

        assertThat(days.rows()).hasSize(3);
        // Ann: 3 calls counted, 1 seen and finished: talk 900 + wrap-up 300; pause 1200 / 3; ready 1200 / 3
        assertThat(days.row("user_id", "101")).containsEntry("logged_in_sec", "3600").containsEntry("calls_counted", "3")
                .containsEntry("calls_seen", "1").containsEntry("calls_finished", "1").containsEntry("talk_sec", "900")
                .containsEntry("talk_per_call_sec", "900.0").containsEntry("wrap_up_per_call_sec", "300.0")
                .containsEntry("aht_sec", "1200.0").containsEntry("paused_per_call_sec", "400.0")
                .containsEntry("available_per_call_sec", "400.0").containsEntry("calls_per_hour", "3.0")
                .containsEntry("occupancy_pct", "50.0");
        // Bob: both shifts of the 28th (2 + 0 calls), one seen, without wrap-up; pause 120 + 600 (to midnight)
        // over 2 calls; ready 300 + 1200 over 2; 1380 / (1380 + 1500) in call
        assertThat(days.row("user_id", "102")).containsEntry("logged_in_sec", "3600").containsEntry("calls_counted", "2")
                .containsEntry("calls_seen", "1").containsEntry("calls_finished", "1").containsEntry("talk_sec", "1080")
                .containsEntry("aht_sec", "1080.0").containsEntry("paused_per_call_sec", "360.0")
                .containsEntry("available_per_call_sec", "750.0").containsEntry("calls_per_hour", "2.0")
                .containsEntry("occupancy_pct", "47.9");
        assertThat(days.row("user_id", "103")).containsEntry("calls_counted", "0").containsEntry("aht_sec", "")
                .containsEntry("paused_per_call_sec", "")
                .containsEntry("calls_per_hour", "0.0");
    }

    @Test
    void agentTimeInStateCutsStatusesAtLocalMidnightAndCountsDstDaysInRealTime() {
        CsvTable days = report("agent_time_in_state", "2025-05-28", "2025-05-30");

        assertThat(days.rows()).hasSize(4);
        // Bob: 09:15-09:45 and 23:30-00:00; his pause 23:50-00:20 gives 600 s to each day... and 1200 s to the 29th
        assertThat(days.row("local_date", "2025-05-28", "user_id", "102")).containsEntry("logged_in_sec", "3600")
                .containsEntry("ready_sec", "1500").containsEntry("paused_sec", "720").containsEntry("incall_sec", "1380")
                .containsEntry("occupancy_pct", "47.9"); // 1380 / (1380 + 1500)
        assertThat(days.row("local_date", "2025-05-29", "user_id", "102")).containsEntry("paused_sec", "1200")
                .containsEntry("ready_sec", "600").containsEntry("logged_in_sec", "1800");
        assertThat(days.row("local_date", "2025-05-28", "user_id", "101")).containsEntry("dispo_sec", "300")
                .containsEntry("occupancy_pct", "50.0");

        // 00:30 PDT to 03:00 PST is 3.5 real hours; 01:30 PST to 03:30 PDT is one
        assertThat(report("agent_time_in_state", "2025-11-02", "2025-11-03").row("user_id", "103"))
                .containsEntry("ready_sec", "12600");
        assertThat(report("agent_time_in_state", "2025-03-09", "2025-03-10").row("user_id", "103"))
                .containsEntry("ready_sec", "3600");
    }

    @Test
    void intervalActivityAveragesAgentSecondsAndTakesCallsFromCounterDeltas() {
        CsvTable hours = report("interval_activity", "2025-05-28", "2025-05-30");

        assertThat(hours.rows()).hasSize(48);
        Map<String, String> nine = hours.row("bucket_start_local", "2025-05-28 09:00:00");
        // logged in: Ann 3600 s + Bob 1800 s over 3600 s; both were in a call at 09:22-09:25
        assertThat(nine).containsEntry("avg_logged_in_agents", "1.50").containsEntry("peak_logged_in_agents", "2")
                .containsEntry("avg_ready_agents", "0.42").containsEntry("peak_ready_agents", "1")
                .containsEntry("avg_incall_agents", "0.63").containsEntry("peak_incall_agents", "2")
                .containsEntry("avg_dispo_agents", "0.08").containsEntry("avg_paused_agents", "0.37")
                // 09:30 answer - 09:00 answer; the 09:00 answer itself has no earlier one to subtract
                .containsEntry("calls", "30").containsEntry("answered", "12").containsEntry("dropped", "1")
                .containsEntry("drop_pct", "3.33")
                // Ann's wrap-up ended 09:30 (900 + 300 s), Bob's call 09:40 (1080 s, no wrap-up)
                .containsEntry("calls_handled", "2").containsEntry("aht_sec", "1140.0");
        assertThat(hours.column("calls_handled").stream().mapToInt(Integer::parseInt).sum()).isEqualTo(2);
        assertThat(hours.row("bucket_start_local", "2025-05-28 10:00:00")).containsEntry("calls", "30")
                .containsEntry("dropped", "2").containsEntry("drop_pct", "6.67").containsEntry("peak_logged_in_agents", "0");
        // 23:50 after 10:05, across the polling gap: 500 - 160
        assertThat(hours.row("bucket_start_local", "2025-05-28 23:00:00")).containsEntry("calls", "340")
                .containsEntry("drop_pct", "1.47");
        // 00:10 after 23:50: the counters were reset at midnight, so the delta is the new value itself
        assertThat(hours.row("bucket_start_local", "2025-05-29 00:00:00")).containsEntry("calls", "12")
                .containsEntry("answered", "5").containsEntry("dropped", "1").containsEntry("drop_pct", "8.33");
        assertThat(hours.column("drop_pct").stream().filter(v -> !v.isEmpty()).count()).isEqualTo(4);

        CsvTable quarters = report("interval_activity", "2025-05-28", "2025-05-29", "bucket=15");
        assertThat(quarters.rows()).hasSize(96);
        assertThat(quarters.row("bucket_start_local", "2025-05-28 09:15:00")).containsEntry("bucket_sec", "900")
                .containsEntry("avg_incall_agents", "1.20").containsEntry("peak_incall_agents", "2");
    }

    @Test
    void dstDaysHave25And23HourlyBuckets() {
        CsvTable fallBack = report("interval_activity", "2025-11-02", "2025-11-03");
        assertThat(fallBack.rows()).hasSize(25);
        assertThat(fallBack.row("bucket_start_local", "2025-11-02 01:00:00", "utc_offset", "-07:00:00"))
                .containsEntry("avg_ready_agents", "1.00");
        assertThat(fallBack.row("bucket_start_local", "2025-11-02 01:00:00", "utc_offset", "-08:00:00"))
                .containsEntry("avg_ready_agents", "1.00");
        assertThat(fallBack.row("bucket_start_local", "2025-11-02 00:00:00")).containsEntry("avg_ready_agents", "0.50");

        CsvTable springForward = report("interval_activity", "2025-03-09", "2025-03-10");
        assertThat(springForward.rows()).hasSize(23);
        assertThat(springForward.column("bucket_start_local")).doesNotContain("2025-03-09 02:00:00");
        assertThat(springForward.row("bucket_start_local", "2025-03-09 01:00:00")).containsEntry("avg_ready_agents", "0.50");
        assertThat(springForward.row("bucket_start_local", "2025-03-09 03:00:00")).containsEntry("avg_ready_agents", "0.50");

        CsvTable heatmap = report("staffing_heatmap", "2025-11-02", "2025-11-03");
        assertThat(heatmap.rows()).hasSize(24);
        assertThat(heatmap.row("local_hour", "1")).containsEntry("hours_in_cell", "2.00").containsEntry("avg_ready_agents", "1.00");
        assertThat(report("staffing_heatmap", "2025-03-09", "2025-03-10").column("local_hour")).hasSize(23).doesNotContain("2");
    }

    @Test
    void queueServiceRatiosComeFromSummedCounts() {
        CsvTable queues = report("queue_service", "2025-05-28", "2025-05-29");

        assertThat(queues.rows()).hasSize(48); // queue 7 and all queues, 24 hours each
        assertThat(queues.row("queue_id", "7", "bucket_start_local", "2025-05-28 09:00:00")).containsEntry("queue_name", "Support")
                .containsEntry("calls", "30").containsEntry("answered", "25").containsEntry("dropped", "3")
                .containsEntry("answer_pct", "83.33").containsEntry("drop_pct", "10.00").containsEntry("peak_calls_waiting", "4")
                .containsEntry("polls", "2")
                // Bob's call came through queue 7; Ann's, without a queue, is in no queue's row
                .containsEntry("calls_handled", "1").containsEntry("aht_sec", "1080.0");
        assertThat(queues.row("queue_id", "", "bucket_start_local", "2025-05-28 09:00:00")).containsEntry("calls_handled", "1");
        assertThat(queues.row("queue_id", "7", "bucket_start_local", "2025-05-28 10:00:00")).containsEntry("answer_pct", "90.00")
                .containsEntry("peak_calls_waiting", "1");
        assertThat(queues.row("queue_id", "", "bucket_start_local", "2025-05-28 23:00:00")).containsEntry("queue_name", "(all queues)")
                .containsEntry("calls", "110").containsEntry("drop_pct", "5.45");
    }

    @Test
    void campaignPerformanceByDaySumsDeltasAndDetectsTheMidnightReset() {
        CsvTable days = report("campaign_performance", "2025-05-28", "2025-05-30", "bucket=1440");

        assertThat(days.rows()).hasSize(4);
        // account: 30 + 30 + 340 calls; dropped 1 + 2 + 5
        assertThat(days.row("campaign_name", "(account)", "bucket_start_local", "2025-05-28 00:00:00")).containsEntry("calls", "400")
                .containsEntry("dropped", "8").containsEntry("drop_pct", "2.00").containsEntry("dialable_leads", "4000")
                .containsEntry("hopper", "50").containsEntry("polls", "4");
        assertThat(days.row("campaign_name", "(account)", "bucket_start_local", "2025-05-29 00:00:00")).containsEntry("calls", "12");
        // campaign 55: 20 + 15 calls, 1 + 2 dropped = 8.57 %, not the average of 5.00 % and 13.33 %
        assertThat(days.row("campaign_id", "55", "bucket_start_local", "2025-05-28 00:00:00")).containsEntry("campaign_name", "Solar Leads")
                .containsEntry("calls", "35").containsEntry("drop_pct", "8.57").containsEntry("dropped_of_answered_pct", "30.00")
                .containsEntry("dialable_leads", "1985").containsEntry("min_hopper", "80")
                .containsEntry("calls_handled", "2").containsEntry("aht_sec", "1140.0");
        assertThat(days.row("campaign_name", "(account)", "bucket_start_local", "2025-05-28 00:00:00"))
                .containsEntry("calls_handled", "2");

        CsvTable hours = report("campaign_performance", "2025-05-28", "2025-05-29");
        assertThat(hours.row("campaign_id", "55", "bucket_start_local", "2025-05-28 09:00:00")).containsEntry("calls", "20")
                .containsEntry("drop_pct", "5.00").containsEntry("hopper", "90");
    }

    @Test
    void pauseAnalysisCountsPausesThatBeganInThePeriod() {
        CsvTable pauses = report("pause_analysis", "2025-05-28", "2025-05-29");

        assertThat(pauses.rows()).hasSize(3);
        // Bob: 120 s and the 1800 s pause that began at 23:50
        assertThat(pauses.row("user_id", "102")).containsEntry("pauses", "2").containsEntry("paused_sec", "1920")
                .containsEntry("avg_pause_sec", "960").containsEntry("longest_pause_sec", "1800")
                .containsEntry("pauses_over_threshold", "1").containsEntry("paused_over_threshold_sec", "900")
                .containsEntry("logged_in_sec", "4800").containsEntry("paused_pct", "40.0");
        assertThat(pauses.row("user_id", "101")).containsEntry("pauses_over_threshold", "1").containsEntry("paused_over_threshold_sec", "300");

        CsvTable strict = report("pause_analysis", "2025-05-28", "2025-05-29", "pause_over_sec=60");
        assertThat(strict.row("user_id", "102")).containsEntry("pauses_over_threshold", "2").containsEntry("paused_over_threshold_sec", "1800");
    }

    @Test
    void staffingHeatmapAveragesOverTheHoursOfEachCell() {
        CsvTable heatmap = report("staffing_heatmap", "2025-05-28", "2025-05-29");

        assertThat(heatmap.rows()).hasSize(24);
        assertThat(heatmap.row("local_hour", "9")).containsEntry("weekday", "Wednesday").containsEntry("iso_weekday", "3")
                .containsEntry("avg_logged_in_agents", "1.50").containsEntry("peak_logged_in_agents", "2")
                .containsEntry("avg_ready_agents", "0.42").containsEntry("peak_ready_agents", "1");
    }

    @Test
    void dataCoverageCountsFailedPollsGapsStaleAgentsAndSkew() {
        CsvTable days = report("data_coverage", "2025-05-27", "2025-05-30");

        assertThat(days.rows()).hasSize(3);
        assertThat(days.row("local_date", "2025-05-27")).containsEntry("polls_made", "0").containsEntry("gaps", "0")
                .containsEntry("gap_sec", "0").containsEntry("longest_gap_sec", "0");
        // 4 account + 3 campaign + 3 queue answers + 1 failed call; the rejected agent is not a failed poll
        assertThat(days.row("local_date", "2025-05-28")).containsEntry("polls_made", "11").containsEntry("polls_failed", "1")
                .containsEntry("failed_pct", "9.09").containsEntry("account_polls_loaded", "4")
                // 09:00 -> 09:30 -> 10:05 -> 23:50: 1800 + 2100 + 49500 s
                .containsEntry("gaps", "3").containsEntry("gap_sec", "53400").containsEntry("longest_gap_sec", "49500")
                .containsEntry("stale_agents", "1").containsEntry("max_abs_clock_skew_sec", "3600").containsEntry("skewed_polls", "1");
        assertThat(days.row("local_date", "2025-05-29")).containsEntry("gaps", "1").containsEntry("gap_sec", "1200");
    }

    @Test
    void psqlAndTheCommandLineReturnTheSameRowsForEveryReport() throws Exception {
        assumeThat(Psql.available()).as("psql on PATH").isTrue();
        for (ReportDefinition definition : ReportCatalog.fromDirectory(Path.of("sql-reports")).all()) {
            Cli.Result cli = Cli.run(database.springProperties(), args(definition.name(), "2025-05-28", "2025-05-30"));
            assertThat(cli.exitCode()).as(cli.all()).isZero();
            String psql = Psql.csv(database, definition.name(), "from=2025-05-28", "to=2025-05-30", "account=" + GoldenData.ACCOUNT_NAME);
            String cliCsv = cli.out().substring(cli.out().indexOf("account_name,"));
            assertThat(cliCsv).as(definition.name()).isEqualTo(psql);
            assertThat(psql.lines().count()).as(definition.name()).isGreaterThan(1);
        }
        // --bucket and --param reach the same variables as psql's -v
        assertSameRows(Psql.csv(database, "interval_activity", "from=2025-05-28", "to=2025-05-29", "bucket=15", "account=acme"),
                Cli.run(database.springProperties(), args("interval_activity", "2025-05-28", "2025-05-29", "--bucket", "15")));
        assertSameRows(Psql.csv(database, "pause_analysis", "from=2025-05-28", "to=2025-05-29", "pause_over_sec=60", "account=acme"),
                Cli.run(database.springProperties(), args("pause_analysis", "2025-05-28", "2025-05-29", "--param", "pause_over_sec=60")));
        // psql's own defaults: every account, the default bucket
        String everyAccount = Psql.csv(database, "data_coverage", "from=2025-05-28", "to=2025-05-29");
        assertThat(CsvTable.parse(everyAccount, "account_name").column("account_name")).containsExactly("acme", "elsewhere");
        Cli.Result cli = Cli.run(database.springProperties(), "report", "data_coverage", "--from", "2025-05-28", "--to", "2025-05-29",
                "--format", "csv");
        assertThat(cli.out().substring(cli.out().indexOf("account_name,"))).isEqualTo(everyAccount);
    }

    @Test
    void psqlWithoutFromOrToSaysWhichToSetAndRunsNothing() throws Exception {
        assumeThat(Psql.available()).as("psql on PATH").isTrue();
        for (ReportDefinition definition : CATALOG.all()) {
            for (String[] missing : new String[][] {{"to", "from=2025-05-28"}, {"from", "to=2025-05-29"}}) {
                Psql.Result result = Psql.run(database, definition.name(), missing[1]);

                assertThat(result.err().lines()).as(definition.name() + " without " + missing[0]).singleElement().asString()
                        .isEqualTo(definition.name() + ".sql: -v " + missing[0] + " is missing; give the period as -v from=DATE"
                                + " -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)");
                assertThat(result.out()).as(definition.name() + " without " + missing[0]).isEmpty();
            }
        }
    }

    private static void assertSameRows(String psql, Cli.Result cli) {
        assertThat(cli.exitCode()).as(cli.all()).isZero();
        assertThat(cli.out().substring(cli.out().indexOf("account_name,"))).isEqualTo(psql);
    }

    @Test
    void tableAndJsonShowTheSameRows() {
        Cli.Result table = Cli.run(database.springProperties(), "report", "pause_analysis", "--from", "2025-05-28", "--to", "2025-05-29",
                "--account", GoldenData.ACCOUNT_NAME);
        assertThat(table.exitCode()).as(table.all()).isZero();
        assertThat(table.out()).contains("user_full_name", "Bob Baker", "(3 rows)");

        Cli.Result json = Cli.run(database.springProperties(), "report", "pause_analysis", "--from", "2025-05-28", "--to", "2025-05-29",
                "--account", GoldenData.ACCOUNT_NAME, "--format", "json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(json.out()).contains("\"user_full_name\" : \"Bob Baker\"", "\"paused_pct\" : 40.0", "\"pauses\" : 2");
    }

    @Test
    void usageErrorsExitWith2() {
        Cli.Result unknown = Cli.run(database.springProperties(), "report", "shift_sumary", "--from", "2025-05-28", "--to", "2025-05-29");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no report named 'shift_sumary'", "shift_summary", "data_coverage");

        Cli.Result list = Cli.run(Map.of(), "report", "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("shift_summary", "How each agent's shifts went", "staffing_heatmap", "data_coverage",
                "queue_service", "campaign_performance", "pause_analysis", "agent_time_in_state", "interval_activity");

        assertThat(Cli.run(Map.of(), "report", "interval_activity", "--from", "2025-05-28", "--to", "2025-05-29", "--bucket", "45")
                .err()).contains("--bucket must be 15, 30, 60 or 1440");
        assertThat(Cli.run(Map.of(), "report", "shift_summary", "--from", "2025-05-28", "--to", "2025-05-29", "--param", "bucket=15")
                .err()).contains("has no parameter 'bucket'");
        assertThat(Cli.run(Map.of(), "report", "shift_summary", "--from", "2025-05-28").err()).contains("needs --to");
        Cli.Result notADate = Cli.run(Map.of(), "report", "shift_summary", "--from", "28/05/2025", "--to", "2025-05-29");
        assertThat(notADate.exitCode()).isEqualTo(2);
        assertThat(notADate.err()).contains("'28/05/2025' is not a local date");
        assertThat(Cli.run(Map.of(), "report", "shift_summary", "--from", "2025-05-28", "--to", "2025-05-29", "--format", "xml")
                .exitCode()).isEqualTo(2);
    }
}
