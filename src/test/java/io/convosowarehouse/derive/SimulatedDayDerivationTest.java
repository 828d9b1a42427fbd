package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.ZoneId;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.simulator.answer.AgentFilter;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Nineteen simulated hours of a 30-agent account (noon to 07:00 the next day, Los Angeles), polled every three
 * simulated minutes and loaded by the real {@code ingest} command, which derives intervals and shifts as it
 * loads: morning shifts already under way at the first poll, the afternoon shift, the night shift across
 * midnight, the next morning's logins. What the load path derived is what a rebuild derives, and the settled
 * aggregates the loads stored are what the intervals give, whatever moves them back.
 */
class SimulatedDayDerivationTest {

    private static final LocalDateTime FIRST_POLL = LocalDateTime.of(2025, 5, 28, 12, 0);
    private static final int POLLS = 19 * 20;
    private static final String INTERVALS = """
            select account_id, user_id, started_at, ended_at, end_reason, status_ref, status_label_ref, campaign_id,
                   queue_id, shift_login_at, first_seen_at, last_seen_at
            from warehouse.agent_state_interval
            order by account_id, user_id, started_at
            """;
    private static final String SHIFTS = """
            select account_id, user_id, login_at, logout_at, end_reason, last_seen_at, ready_sec, wait_sec, incall_sec,
                   dispo_sec, paused_sec, dead_sec, other_sec, gap_sec, calls_handled, last_calls_today, campaign_id
            from warehouse.agent_shift
            order by account_id, user_id, login_at
            """;
    private static final String CALLS = """
            select account_id, user_id, started_at, call_log_id, ended_at, end_reason, talk_sec, direction, call_type_ref,
                   campaign_id, queue_id, lead_id, shift_login_at, first_seen_at, ended_seen_at
            from warehouse.agent_call
            order by account_id, user_id, started_at
            """;

    private static final String QUARTER_HOURS_READ = """
            select account_id, bucket_start, status_group, agent_sec, peak_agents, agents_seen
            from reporting.agent_status_quarter_hours(null, '-infinity', 'infinity')
            order by account_id, bucket_start, status_group
            """;
    private static final String QUARTER_HOURS_COMPUTED = """
            select account_id, bucket_start, status_group, agent_sec, peak_agents, agents_seen
            from reporting.agent_status_quarter_hours_from_intervals(null, '-infinity', 'infinity')
            order by account_id, bucket_start, status_group
            """;
    private static final String DAYS_READ = """
            select account_id, user_id, local_date, logged_in_sec, ready_sec, wait_sec, incall_sec, dispo_sec, paused_sec,
                   dead_sec, other_sec
            from reporting.agent_state_days(null, '-infinity', 'infinity')
            order by account_id, local_date, user_id
            """;
    private static final String DAYS_COMPUTED = """
            select account_id, user_id, local_date, logged_in_sec, ready_sec, wait_sec, incall_sec, dispo_sec, paused_sec,
                   dead_sec, other_sec
            from reporting.agent_state_days_from_intervals(null, '-infinity', 'infinity')
            order by account_id, local_date, user_id
            """;
    private static final String LAST_POLL_UTC = "2025-05-29T13:57:00Z";
    /** An interval of an agent never polled, long before the settled instant, as a late agent's would be. */
    private static final String INSERT_LATE_INTERVAL = """
            insert into warehouse.agent_state_interval (account_id, user_id, started_at, ended_at, end_reason,
                shift_login_at, first_seen_at, last_seen_at)
            select account_id, 999999, timestamptz '2025-05-28 21:05:00Z', timestamptz '2025-05-28 21:40:00Z', 'logout',
                   timestamptz '2025-05-28 21:05:00Z', timestamptz '2025-05-28 21:06:00Z', timestamptz '2025-05-28 21:39:00Z'
            from warehouse.account
            """;
    private static final String DELETE_LATE_INTERVAL = "delete from warehouse.agent_state_interval where user_id = 999999";

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result ingest;
    private static String incrementalIntervals;
    private static String incrementalShifts;
    private static String incrementalCalls;
    private static OffsetDateTime settledByTheLoads;

    @BeforeAll
    static void ingestNineteenSimulatedHours() throws IOException {
        database = TestDatabase.migrated("simulated_day_derivation");
        database.dsl().execute("set time zone 'UTC'");
        SimulatorSettings defaults = SimulatorSettings.defaults();
        SimulatorSettings settings = new SimulatorSettings(0, defaults.authToken(), 30, 3, 4, 7L, defaults.timeZone(),
                defaults.start(), 1.0, 0, 0, 0, 0, 0, true);
        Path file = directory.resolve("nineteen-hours.ndjson");
        writeMinutePolls(new ContactCenter(settings), settings.timeZone(), file);
        ingest = Cli.run(database.springProperties(), "ingest", file.toString());
        incrementalIntervals = database.dsl().fetch(INTERVALS).formatCSV();
        incrementalShifts = database.dsl().fetch(SHIFTS).formatCSV();
        incrementalCalls = database.dsl().fetch(CALLS).formatCSV();
        settledByTheLoads = settledUntil();
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void theLoadDerivesIntervalsAndShiftsOfTheWholeDay() {
        assertThat(ingest.exitCode()).as(ingest.all()).isZero();
        assertThat(ingest.out()).contains(POLLS + " snapshot(s) loaded");
        assertThat(database.count("warehouse.agent_state_interval")).isGreaterThan(30L * 50);
        assertThat(number("""
                select count(*) from warehouse.agent_shift
                where logout_at is not null and login_at < timestamptz '2025-05-29 00:00:00 America/Los_Angeles'
                  and logout_at > timestamptz '2025-05-29 00:00:00 America/Los_Angeles'
                """)).as("night shifts that crossed midnight and ended").isPositive();
        assertThat(number("select count(*) from warehouse.agent_shift where logout_at is null"))
                .as("agents still logged in at the last poll").isPositive();
    }

    @Test
    void intervalsOfAnAgentFollowEachOtherWithoutOverlap() {
        assertThat(database.dsl().fetch("""
                select user_id, started_at, previous_ended_at
                from (
                    select user_id, started_at, lag(ended_at) over (partition by user_id order by started_at) as previous_ended_at,
                           lag(ended_at is null) over (partition by user_id order by started_at) as previous_open
                    from warehouse.agent_state_interval
                ) as consecutive
                where previous_open or started_at < previous_ended_at
                """)).as("an interval starting before the previous one ended, or after one still open").isEmpty();
    }

    @Test
    void timePerStatusAndGapsAddUpToTheLengthOfEveryClosedShift() {
        assertThat(number("select count(*) from warehouse.agent_shift where logout_at is not null"))
                .isGreaterThan(20L);
        assertThat(database.dsl().fetch("""
                select user_id, login_at, logout_at
                from warehouse.agent_shift
                where logout_at is not null
                  and ready_sec + wait_sec + incall_sec + dispo_sec + paused_sec + dead_sec + other_sec + gap_sec
                      <> extract(epoch from logout_at - login_at)
                """)).isEmpty();
        assertThat(database.dsl().fetch("""
                select s.user_id, s.login_at
                from warehouse.agent_shift as s
                inner join warehouse.agent_state_interval as i
                    on i.account_id = s.account_id and i.user_id = s.user_id and i.shift_login_at = s.login_at
                where s.logout_at is not null
                group by s.user_id, s.login_at, s.ready_sec, s.incall_sec, s.paused_sec
                having s.ready_sec <> sum(extract(epoch from i.ended_at - i.started_at)) filter (where i.status_ref in
                           (select label_id from warehouse.label where field = 'status' and value = 'READY'))
                    or s.incall_sec <> sum(extract(epoch from i.ended_at - i.started_at)) filter (where i.status_ref in
                           (select label_id from warehouse.label where field = 'status' and value = 'INCALL'))
                """)).as("per-status totals are the sums of the shift's intervals").isEmpty();
        assertThat(number("select sum(calls_handled) from warehouse.agent_shift")).isPositive();
    }

    @Test
    void aShiftSeesNoMoreCallsThanItCountsAndEveryFinishedCallEndsAfterItStarts() {
        assertThat(number("select count(*) from warehouse.agent_call where end_reason = 'finished'"))
                .as("finished calls").isGreaterThan(30L * 10);
        // the shift's first reading of calls_today is its baseline: a call that reading already shows is seen
        // but not counted (docs/data-model.md#calls)
        assertThat(database.dsl().fetch("""
                with shift_first_seen as (
                    select i.account_id, i.user_id, i.shift_login_at, min(i.first_seen_at) as first_seen_at
                    from warehouse.agent_state_interval as i
                    group by i.account_id, i.user_id, i.shift_login_at
                )
                select s.user_id, s.login_at, s.calls_handled, count(c.started_at) as calls_seen
                from warehouse.agent_shift as s
                inner join shift_first_seen
                    on shift_first_seen.account_id = s.account_id
                   and shift_first_seen.user_id = s.user_id
                   and shift_first_seen.shift_login_at = s.login_at
                left join warehouse.agent_call as c
                    on c.account_id = s.account_id and c.user_id = s.user_id and c.shift_login_at = s.login_at
                   and c.first_seen_at > shift_first_seen.first_seen_at
                group by s.user_id, s.login_at, s.calls_handled
                having count(c.started_at) > s.calls_handled
                """)).as("shifts that saw more calls than calls_today counted").isEmpty();
        assertThat(number("select count(*) from warehouse.agent_call where talk_sec < 0 or ended_at < started_at")).isZero();
    }

    @Test
    void rebuildingTheWholeRangeGivesExactlyWhatTheLoadsDerived() {
        Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived",
                "--from", "2025-05-28T00:00:00Z", "--to", "2025-05-30T00:00:00Z");

        assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
        assertThat(rebuild.out()).contains(POLLS + " snapshot(s) replayed in range, 0 after it");
        assertThat(database.dsl().fetch(INTERVALS).formatCSV()).isEqualTo(incrementalIntervals);
        assertThat(database.dsl().fetch(SHIFTS).formatCSV()).isEqualTo(incrementalShifts);
        assertThat(database.dsl().fetch(CALLS).formatCSV()).isEqualTo(incrementalCalls);
        assertThat(settledUntil()).as("settled again as far as the loads had").isEqualTo(settledByTheLoads);
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    @Test
    void rebuildingASubRangeKeepsEveryRowInsideAndAcrossItsBoundaries() {
        // 23:17:30 Los Angeles time, mid-state and mid-shift for the night shift, which runs past midnight
        Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived",
                "--from", "2025-05-29T06:17:30Z", "--to", "2025-05-29T08:43:00Z");

        assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
        assertThat(rebuild.out()).contains("49 snapshot(s) replayed in range, 105 after it");
        assertThat(database.dsl().fetch(INTERVALS).formatCSV()).isEqualTo(incrementalIntervals);
        assertThat(database.dsl().fetch(SHIFTS).formatCSV()).isEqualTo(incrementalShifts);
        assertThat(database.dsl().fetch(CALLS).formatCSV()).isEqualTo(incrementalCalls);
        assertThat(settledUntil()).as("settled again as far as the loads had").isEqualTo(settledByTheLoads);
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    @Test
    void theLoadsSettleQuarterHoursAndDaysUpToTheEarliestOpenInterval() {
        assertThat(number("""
                select count(*) from warehouse.settled_until
                where settled_until = date_bin(interval '15 minutes',
                          (select min(started_at) from warehouse.agent_state_interval where ended_at is null),
                          timestamptz '2000-01-01 00:00:00+00')
                """)).as("settled up to the quarter hour of the earliest open interval").isOne();
        assertThat(number("""
                select extract(epoch from timestamptz '%s' - settled_until) from warehouse.settled_until
                """.formatted(LAST_POLL_UTC))).as("seconds the settled aggregates lag the last poll").isLessThan(3 * 3600);
        assertThat(number("select count(distinct local_date) from warehouse.settled_agent_state_day"))
                .as("the first local day, which ended at midnight").isOne();
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    @Test
    void anIntervalWrittenBeforeTheSettledInstantMovesItBackUntilSettledAgain() {
        OffsetDateTime settled = settledUntil();
        database.dsl().execute(INSERT_LATE_INTERVAL);

        assertThat(settledUntil()).isEqualTo(OffsetDateTime.parse("2025-05-28T21:00:00Z"));
        assertSettledAggregatesAreWhatTheIntervalsGive();

        database.dsl().execute(DELETE_LATE_INTERVAL);
        settleAll();
        assertThat(settledUntil()).isEqualTo(settled);
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    @Test
    void aNewTimeZoneUnsettlesTheDaysItRedraws() {
        OffsetDateTime settled = settledUntil();
        // Tokyo puts the whole simulated stretch on 29 May, which has not ended by the settled instant, so the
        // Los Angeles day 28 May stored before must go
        database.dsl().execute("select warehouse.rezone_account(account_id, 'Asia/Tokyo') from warehouse.account");
        try {
            assertThat(settledUntil()).isNull();
            assertSettledAggregatesAreWhatTheIntervalsGive();
            settleAll();
            assertThat(settledUntil()).isEqualTo(settled);
            assertThat(number("select count(*) from warehouse.settled_agent_state_day"))
                    .as("no Tokyo day has ended by the settled instant").isZero();
            assertSettledAggregatesAreWhatTheIntervalsGive();
        } finally {
            database.dsl().execute("select warehouse.rezone_account(account_id, 'America/Los_Angeles') from warehouse.account");
            settleAll();
        }
        assertThat(settledUntil()).isEqualTo(settled);
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    @Test
    void aTimeZoneChangeDuringASettleIsNotOverwrittenByIt() throws Exception {
        OffsetDateTime settled = settledUntil();
        database.dsl().execute(INSERT_LATE_INTERVAL); // something to settle
        try (Connection zoneChange = connect(); Connection settling = connect()) {
            zoneChange.setAutoCommit(false);
            zoneChange.createStatement().execute("select warehouse.rezone_account(account_id, 'Asia/Tokyo') from warehouse.account");
            CompletableFuture<Void> settle = CompletableFuture.runAsync(() -> DSL.using(settling, SQLDialect.POSTGRES)
                    .execute("select warehouse.settle_aggregates(account_id, interval '30 days') from warehouse.account"));
            awaitASessionWaitingForALock();
            zoneChange.commit();
            settle.get(30, TimeUnit.SECONDS);

            assertThat(settledUntil()).isEqualTo(settled);
            assertThat(number("select count(*) from warehouse.settled_agent_state_day"))
                    .as("the settle waited for the zone change and cut days in Tokyo time: none has ended").isZero();
            assertSettledAggregatesAreWhatTheIntervalsGive();
        } finally {
            database.dsl().execute("select warehouse.rezone_account(account_id, 'America/Los_Angeles') from warehouse.account");
            database.dsl().execute(DELETE_LATE_INTERVAL);
            settleAll();
        }
        assertThat(settledUntil()).isEqualTo(settled);
    }

    @Test
    void truncatingTheIntervalsUnsettlesEveryAccount() throws SQLException {
        assertThat(settledUntil()).isNotNull();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            DSLContext tx = DSL.using(connection, SQLDialect.POSTGRES);
            tx.execute("select warehouse.truncate_intervals()");

            assertThat(tx.fetchValue("select settled_until = '-infinity' from warehouse.settled_until")).isEqualTo(true);
            assertThat(tx.fetch(QUARTER_HOURS_READ)).as("no stored quarter hour is read").isEmpty();
            connection.rollback();
        }
        assertSettledAggregatesAreWhatTheIntervalsGive();
    }

    /** Reading through the settled rows gives exactly what computing everything from the intervals gives. */
    private static void assertSettledAggregatesAreWhatTheIntervalsGive() {
        assertThat(number("select count(*) from warehouse.settled_agent_status_quarter_hour"))
                .as("settled quarter-hour rows").isGreaterThan(100);
        assertThat(database.dsl().fetch(QUARTER_HOURS_READ).formatCSV())
                .isEqualTo(database.dsl().fetch(QUARTER_HOURS_COMPUTED).formatCSV());
        assertThat(database.dsl().fetch(DAYS_READ).formatCSV()).isEqualTo(database.dsl().fetch(DAYS_COMPUTED).formatCSV());
    }

    /** NULL for -infinity: nothing settled. */
    private static OffsetDateTime settledUntil() {
        return database.dsl().fetchSingle("""
                select nullif(settled_until, '-infinity') from warehouse.settled_until
                """).get(0, OffsetDateTime.class);
    }

    private static Connection connect() throws SQLException {
        PostgresServer server = PostgresServer.get();
        return DriverManager.getConnection(database.url(), server.user(), server.password());
    }

    /** Until another session of this database waits for a lock, at most ten seconds. */
    private static void awaitASessionWaitingForALock() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (number("""
                    select count(*) from pg_catalog.pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                    """) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no session waited for a lock within 10 s");
    }

    private static void settleAll() {
        database.dsl().execute("select warehouse.settle_aggregates(account_id, interval '30 days') from warehouse.account");
    }

    private static long number(String sql) {
        return ((Number) database.dsl().fetchValue(sql)).longValue();
    }

    private static void writeMinutePolls(ContactCenter center, ZoneId zone, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int poll = 0; poll < POLLS; poll++) {
                LocalDateTime local = FIRST_POLL.plusMinutes(3L * poll);
                String body = new String(center.answerBytes(local, AgentFilter.none()), StandardCharsets.UTF_8);
                out.write("{\"received_at\":\"" + local.atZone(zone).toInstant().plusMillis(1500) + "\",\"scope\":\"account\",\"body\":"
                        + body + "}\n");
            }
        }
    }
}
