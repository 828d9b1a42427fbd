package io.convosowarehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/** The demo end to end: simulator over HTTP, the real poll path, a summary that matches the tables. */
class DemoCommandIT {

    private static TestDatabase database;
    private static Cli.Result demo;

    @BeforeAll
    static void runAShortDemo() {
        database = TestDatabase.empty("demo");
        demo = Cli.run(database.springProperties(), "demo", "--agents", "8", "--hours", "2", "--start", "2025-05-28T07:00");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everySimulatedMinuteIsOneSuccessfulPollCycle() {
        assertThat(demo.exitCode()).as(demo.all()).isZero();
        assertThat(demo.out()).contains("120 polls in", "(0 failed)");
        long cycles = ((Number) database.dsl().fetchValue("""
                select count(*) from batch.batch_job_execution e
                join batch.batch_job_instance i using (job_instance_id)
                where i.job_name = 'pollJob' and e.status = 'COMPLETED'""")).longValue();
        assertThat(cycles).isEqualTo(120);
        // the account-wide call and one call per queue (4) each minute, all under the demo's own account
        assertThat(database.dsl().fetch("""
                select s.scope_kind, count(*) from warehouse.snapshot s
                join warehouse.account a using (account_id) where a.account_name = 'demo'
                group by s.scope_kind order by 1""").formatCSV(false))
                .isEqualToIgnoringNewLines("account,120queue,480");
    }

    @Test
    void answersAreReceivedAtSimulatedTimeSoTheArchiveAndCoverageShowTheDemoDay() {
        // with the real clock as receive time, every demo answer looked 18 months late: data_coverage put the polls on
        // today, and clock_skew_sec was -47 million
        assertThat(((Number) database.dsl().fetchValue("select max(abs(clock_skew_sec)) from warehouse.snapshot")).intValue())
                .isZero();
        assertThat(database.dsl().fetch("""
                select min(received_at at time zone 'UTC')::text || ' ' || max(received_at at time zone 'UTC')::text
                from ingest.raw_payload""").get(0).get(0, String.class))
                .isEqualTo("2025-05-28 14:00:00 2025-05-28 15:59:00");
        assertThat(database.dsl().fetchValue("select max(latency_ms) > 0 from warehouse.snapshot")).as("measured, not simulated")
                .isEqualTo(true);
    }

    @Test
    void theAgentsOfTheSimulationAreInTheWarehouse() {
        assertThat(((Number) database.dsl().fetchValue("select count(distinct user_id) from warehouse.agent_snapshot")).intValue())
                .isBetween(1, 8);
        assertThat(database.count("ingest.rejected_record")).isZero();
        assertThat(demo.out()).contains("Shift summary", "reporting.agent_snapshot");
    }

    @Test
    void thePrintedShiftSummaryIsWhatTheShiftReportSaysOpenShiftsIncluded() {
        // reporting.agent_shift counts an open shift's current status up to the last snapshot; warehouse.agent_shift
        // only credits a status when it ends, so printing it left out every open shift's status in hand
        var shifts = database.dsl().fetch("""
                with calls as (
                    select user_id, shift_login_at, count(*) as calls_seen,
                           round(avg(handle_sec) filter (where is_finished)) as aht_sec
                    from reporting.agent_call
                    where account_name = 'demo'
                    group by user_id, shift_login_at
                )
                select s.user_id, s.incall_sec, s.calls_handled, coalesce(calls.calls_seen, 0), calls.aht_sec
                from reporting.agent_shift as s
                left join calls on calls.user_id = s.user_id and calls.shift_login_at = s.login_at
                where s.account_name = 'demo' order by s.login_at, s.user_id""");
        assertThat(shifts).isNotEmpty();
        assertThat(((Number) database.dsl().fetchValue(
                "select count(*) from reporting.agent_shift where account_name = 'demo' and is_open")).intValue())
                .as("the demo ends with agents logged in").isPositive();
        assertThat(shifts.stream().filter(shift -> shift.get(4) != null)).as("shifts with an AHT").isNotEmpty();
        assertThat(demo.out()).contains(shifts.size() + " shift(s).");
        for (var shift : shifts) {
            int incall = shift.get(1, Integer.class);
            String expected = String.format("%d:%02d:%02d", incall / 3600, incall / 60 % 60, incall % 60);
            Integer aht = shift.get(4, Integer.class);
            String expectedAht = aht == null ? "-" : String.format("%d:%02d", aht / 60, aht % 60);
            assertThat(demo.out()).containsPattern("(?m)^" + shift.get(0, Long.class) + " .* " + expected + " .* "
                    + shift.get(2, Integer.class) + " +" + shift.get(3, Integer.class) + " +" + expectedAht + "$");
        }
    }

    @Test
    void everyAgentDayTalksNoLongerThanItWasInCallAndSeesNoMoreCallsThanItCounts() {
        assertThat(database.dsl().fetch("""
                with talk as (
                    select account_id, user_id, started_local_date as local_date, sum(talk_sec) as talk_sec
                    from reporting.agent_call
                    group by account_id, user_id, started_local_date
                )
                select d.user_id, d.local_date, d.incall_sec, talk.talk_sec
                from reporting.agent_state_daily as d
                inner join talk on talk.account_id = d.account_id and talk.user_id = d.user_id and talk.local_date = d.local_date
                where talk.talk_sec > d.incall_sec
                """)).as("agent-days with more talk than time in call").isEmpty();
        Cli.Result performance = Cli.run(database.springProperties(), "report", "agent_performance", "--from", "2025-05-28",
                "--to", "2025-05-29", "--account", "demo", "--format", "csv");
        assertThat(performance.exitCode()).as(performance.err()).isZero();
        java.util.List<String> header = java.util.List.of(performance.out().lines().findFirst().orElseThrow().split(","));
        var rows = performance.out().lines().skip(1).map(line -> line.split(",", -1)).toList();
        assertThat(rows).as("a row per agent-day").hasSize(((Number) database.dsl().fetchValue(
                "select count(*) from reporting.agent_state_daily where local_date = '2025-05-28'")).intValue());
        assertThat(rows).as("agent-days with calls seen and an AHT")
                .anyMatch(row -> Integer.parseInt(row[header.indexOf("calls_seen")]) > 0 && !row[header.indexOf("aht_sec")].isEmpty());
    }

    @Test
    void everyReportRunsOnTheDemoDataAndShiftTimeAddsUpToShiftLength() {
        for (String report : java.util.List.of("shift_summary", "agent_time_in_state", "agent_performance", "call_detail",
                "interval_activity", "queue_service",
                "campaign_performance", "pause_analysis", "staffing_heatmap", "data_coverage")) {
            Cli.Result result = Cli.run(database.springProperties(), "report", report, "--from", "2025-05-28", "--to",
                    "2025-05-29", "--account", "demo", "--format", "csv");
            assertThat(result.exitCode()).as(report + ": " + result.err()).isZero();
            assertThat(result.out().lines().count()).as(report).isGreaterThan(1);
        }
        Cli.Result shifts = Cli.run(database.springProperties(), "report", "shift_summary", "--from", "2025-05-28", "--to",
                "2025-05-29", "--account", "demo", "--format", "csv");
        java.util.List<String> lines = shifts.out().lines().filter(l -> !l.isBlank()).toList();
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",");
            long statuses = java.util.stream.Stream.of("ready_sec", "wait_sec", "incall_sec", "dispo_sec", "paused_sec",
                    "dead_sec", "other_sec", "gap_sec").mapToLong(c -> Long.parseLong(values[header.indexOf(c)])).sum();
            assertThat(statuses).as("time per status sums to shift length: " + line)
                    .isEqualTo(Long.parseLong(values[header.indexOf("logged_in_sec")]));
        }
    }

    @Test
    void runningTheDemoAgainAddsNothing() {
        long snapshots = database.count("warehouse.snapshot");
        Cli.Result again = Cli.run(database.springProperties(), "demo", "--agents", "8", "--hours", "2", "--start",
                "2025-05-28T07:00");
        assertThat(again.exitCode()).isZero();
        assertThat(database.count("warehouse.snapshot")).isEqualTo(snapshots);
    }

    @Test
    void withoutADatabaseTheDemoSaysHowToGetOne() {
        Cli.Result result = Cli.run(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/postgres"), "demo",
                "--hours", "1");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("no PostgreSQL answers at jdbc:postgresql://127.0.0.1:1/postgres",
                "apt-get install postgresql", "SPRING_DATASOURCE_URL");
    }
}
