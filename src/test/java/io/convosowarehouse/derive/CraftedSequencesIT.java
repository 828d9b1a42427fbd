package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Hand-made sequences of answers, loaded by the real {@code ingest} command, against rows worked out by
 * hand. A night from 2025-06-10 23:25 to 2025-06-11 01:40 in Los Angeles (PDT, UTC-7), polled every minute
 * except for a 20-minute outage (01:10 to 01:30, threshold 5 minutes), with one agent per situation; and
 * two DST nights polled hourly with a 2-hour threshold, in an account of their own.
 */
class CraftedSequencesIT {

    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);
    private static final String NIGHT_FORMAT = "HH24:MI:SS";
    private static final String UTC_FORMAT = "YYYY-MM-DD HH24:MI:SS\"Z\"";

    /** The DST nights are another account, polled hourly, so its gap threshold is 2 hours. */
    private static final UnaryOperator<Map<String, String>> DST_ACCOUNT_SETTINGS = settings -> Cli.merge(
            settings, Map.of("convoso.account", "hourly", "convoso.derive.gap-threshold", "2h"));

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result nightLoad;
    private static Cli.Result dstLoad;

    @BeforeAll
    static void loadTheCraftedNights() throws IOException {
        database = TestDatabase.migrated("crafted_derivation");
        nightLoad = Cli.run(database.springProperties(), "ingest", night().write(directory.resolve("night.ndjson")).toString());
        dstLoad = Cli.run(DST_ACCOUNT_SETTINGS.apply(database.springProperties()),
                "ingest", dstNights().write(directory.resolve("dst.ndjson")).toString());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void bothFilesLoad() {
        assertThat(nightLoad.exitCode()).as(nightLoad.all()).isZero();
        assertThat(dstLoad.exitCode()).as(dstLoad.all()).isZero();
    }

    @Test
    void aStateShorterThanThePollIntervalIsInvisibleAndThePreviousOneEndsWhereTheNextBegins() {
        // 00:55:20 INCALL and 00:55:50 DISPO both fall between the 00:55 and 00:56 polls: only DISPO is seen
        assertThat(intervals(101, NIGHT_FORMAT)).containsExactly(
                "READY 00:50:10 -> 00:55:50 state_change campaign 1234 seen 00:51:00..00:55:00",
                "DISPO 00:55:50 -> 00:57:15 state_change campaign 1234 seen 00:56:00..00:57:00",
                "READY 00:57:15 -> 00:59:00 logout campaign 1234 seen 00:58:00..00:59:00");
        assertThat(shifts(101, NIGHT_FORMAT)).containsExactly(
                "00:50:10 -> 00:59:00 logout ready 445 wait 0 incall 0 dispo 85 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void anOvernightShiftCountsCallsAcrossTheMidnightResetOfCallsToday() {
        // calls_today: 3 at login, 4 from 23:58, reset to 1 (a call right after midnight) from 00:01, 2 from 00:25
        assertThat(intervals(102, NIGHT_FORMAT)).containsExactly(
                "READY 23:30:05 -> 23:45:10 state_change campaign 1234 seen 23:31:00..23:45:00",
                "INCALL 23:45:10 -> 23:58:00 state_change campaign 1234 seen 23:46:00..23:57:00",
                "PAUSED 23:58:00 -> 00:10:30 state_change campaign 1234 seen 23:58:00..00:10:00",
                "READY 00:10:30 -> 00:40:00 logout campaign 1234 seen 00:11:00..00:40:00");
        // 1 (3 -> 4) + 1 (the reset's new value) + 1 (1 -> 2); 905 + 1770 ready, 770 in call, 750 paused = 70 min - 5 s
        assertThat(shifts(102, NIGHT_FORMAT)).containsExactly(
                "23:30:05 -> 00:40:00 logout ready 2675 wait 0 incall 770 dispo 0 paused 750 dead 0 other 0 gap 0 calls 3 campaign 1234");
    }

    @Test
    void anIntervalKeepsTheCampaignItBeganInAndTheShiftTheCampaignOfItsLogin() {
        // moved from campaign 1234 to 5678 at 00:40 while READY; the next state begins in 5678
        assertThat(intervals(103, NIGHT_FORMAT)).containsExactly(
                "READY 00:30:00 -> 00:44:00 state_change campaign 1234 seen 00:30:00..00:43:00",
                "INCALL 00:44:00 -> 00:50:00 logout campaign 5678 seen 00:44:00..00:50:00");
        assertThat(shifts(103, NIGHT_FORMAT)).containsExactly(
                "00:30:00 -> 00:50:00 logout ready 840 wait 0 incall 360 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void withoutLastStateChangeAStateIsTakenToBeginWhenItWasFirstSeen() {
        assertThat(intervals(107, NIGHT_FORMAT)).containsExactly(
                "READY 00:20:00 -> 00:23:00 state_change campaign 1234 seen 00:20:00..00:22:00",
                "PAUSED 00:23:00 -> 00:25:00 logout campaign 1234 seen 00:23:00..00:25:00");
        assertThat(shifts(107, NIGHT_FORMAT)).containsExactly(
                "00:20:00 -> 00:25:00 logout ready 180 wait 0 incall 0 dispo 0 paused 120 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void aPollingGapClosesIntervalsWhereTheyWereLastSeenAndTheShiftGoesOnOnlyIfTheStateProvablyDid() {
        // PAUSED since 01:05:40 before and after the outage: same shift, the 20 unobserved minutes are gap_sec
        assertThat(intervals(104, NIGHT_FORMAT)).containsExactly(
                "READY 01:00:20 -> 01:05:40 state_change campaign 1234 seen 01:01:00..01:05:00",
                "PAUSED 01:05:40 -> 01:10:00 gap campaign 1234 seen 01:06:00..01:10:00",
                "PAUSED 01:30:00 -> 01:35:10 state_change campaign 1234 seen 01:30:00..01:35:00",
                "READY 01:35:10 -> open - campaign 1234 seen 01:36:00..01:40:00");
        assertThat(shifts(104, NIGHT_FORMAT)).containsExactly(
                "01:00:20 -> open - ready 320 wait 0 incall 0 dispo 0 paused 570 dead 0 other 0 gap 1200 calls 0 campaign 1234");
        // changed state during the outage (may have logged out and in): the shift ends at the gap, a new one begins
        assertThat(intervals(105, NIGHT_FORMAT)).containsExactly(
                "READY 00:58:00 -> 01:10:00 gap campaign 1234 seen 00:58:00..01:10:00",
                "INCALL 01:20:00 -> 01:33:00 state_change campaign 1234 seen 01:30:00..01:32:00",
                "DISPO 01:33:00 -> open - campaign 1234 seen 01:33:00..01:40:00");
        assertThat(shifts(105, NIGHT_FORMAT)).containsExactly(
                "00:58:00 -> 01:10:00 gap ready 720 wait 0 incall 0 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234",
                "01:20:00 -> open - ready 0 wait 0 incall 780 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
        // logged out during the outage: when is unknown, so the shift ends where the agent was last seen
        assertThat(intervals(106, NIGHT_FORMAT)).containsExactly(
                "READY 01:02:00 -> 01:10:00 gap campaign 1234 seen 01:02:00..01:10:00");
        assertThat(shifts(106, NIGHT_FORMAT)).containsExactly(
                "01:02:00 -> 01:10:00 gap ready 480 wait 0 incall 0 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void aFallBackNightShiftLastsNineRealHoursFromTenToSix() {
        // 22:00 PDT (05:00Z) to 06:00 PST (14:00Z): 8 hours on the wall clock, 9 hours = 32400 s really
        assertThat(intervals(201, UTC_FORMAT)).containsExactly(
                "READY 2025-11-02 05:00:00Z -> 2025-11-02 07:30:00Z state_change campaign 1234 seen 2025-11-02 05:00:00Z..2025-11-02 07:00:00Z",
                "PAUSED 2025-11-02 07:30:00Z -> 2025-11-02 11:00:00Z state_change campaign 1234 seen 2025-11-02 08:00:00Z..2025-11-02 10:00:00Z",
                "READY 2025-11-02 11:00:00Z -> 2025-11-02 14:00:00Z logout campaign 1234 seen 2025-11-02 11:00:00Z..2025-11-02 14:00:00Z");
        assertThat(shifts(201, UTC_FORMAT)).containsExactly(
                "2025-11-02 05:00:00Z -> 2025-11-02 14:00:00Z logout ready 19800 wait 0 incall 0 dispo 0 paused 12600 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void aSpringForwardNightShiftLastsSevenRealHoursFromTenToSix() {
        // 22:00 PST (06:00Z) to 06:00 PDT (13:00Z): 7 real hours = 25200 s
        assertThat(intervals(202, UTC_FORMAT)).containsExactly(
                "READY 2025-03-09 06:00:00Z -> 2025-03-09 09:30:00Z state_change campaign 1234 seen 2025-03-09 06:00:00Z..2025-03-09 09:00:00Z",
                "INCALL 2025-03-09 09:30:00Z -> 2025-03-09 10:30:00Z state_change campaign 1234 seen 2025-03-09 10:00:00Z..2025-03-09 10:00:00Z",
                "READY 2025-03-09 10:30:00Z -> 2025-03-09 13:00:00Z logout campaign 1234 seen 2025-03-09 11:00:00Z..2025-03-09 13:00:00Z");
        assertThat(shifts(202, UTC_FORMAT)).containsExactly(
                "2025-03-09 06:00:00Z -> 2025-03-09 13:00:00Z logout ready 21600 wait 0 incall 3600 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
    }

    @Test
    void anAnswerOlderThanWhatIsDerivedIsSkippedAtLoadAndPlacedByARebuildWhichChangesNothingElse() {
        // the hourly account's file ends with an answer of January 15, 10:01:30 PST, after the DST nights
        assertThat(dstLoad.out()).contains("older than snapshots already derived");
        assertThat(intervals(301, UTC_FORMAT)).containsExactly(
                "READY 2025-01-15 17:59:30Z -> 2025-01-15 18:02:00Z gap campaign 1234 seen 2025-01-15 18:00:00Z..2025-01-15 18:02:00Z");
        String others = "select * from warehouse.agent_state_interval where user_id <> 301 order by user_id, started_at";
        String otherShifts = "select * from warehouse.agent_shift where user_id <> 301 order by user_id, login_at";
        List<String> intervals = database.dsl().fetch(others).map(Object::toString);
        List<String> shifts = database.dsl().fetch(otherShifts).map(Object::toString);

        for (int run = 0; run < 2; run++) {
            Cli.Result rebuild = Cli.run(DST_ACCOUNT_SETTINGS.apply(database.springProperties()),
                    "rebuild-derived", "--from", "2025-01-01T00:00:00Z", "--to", "2025-03-31T00:00:00Z");

            assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
            assertThat(rebuild.out()).contains("13 snapshot(s) replayed in range, 11 after it");
            // the late INCALL splits the READY; the 10:02 answer still says READY since 09:59:30, which cannot
            // reach back over the INCALL, so that READY is claimed from 10:02, when it was seen
            assertThat(intervals(301, UTC_FORMAT)).containsExactly(
                    "READY 2025-01-15 17:59:30Z -> 2025-01-15 18:01:10Z state_change campaign 1234 seen 2025-01-15 18:00:00Z..2025-01-15 18:01:00Z",
                    "INCALL 2025-01-15 18:01:10Z -> 2025-01-15 18:02:00Z state_change campaign 1234 seen 2025-01-15 18:01:30Z..2025-01-15 18:01:30Z",
                    "READY 2025-01-15 18:02:00Z -> 2025-01-15 18:02:00Z gap campaign 1234 seen 2025-01-15 18:02:00Z..2025-01-15 18:02:00Z");
            assertThat(shifts(301, UTC_FORMAT)).containsExactly(
                    "2025-01-15 17:59:30Z -> 2025-01-15 18:02:00Z gap ready 100 wait 0 incall 50 dispo 0 paused 0 dead 0 other 0 gap 0 calls 0 campaign 1234");
            assertThat(database.dsl().fetch(others).map(Object::toString)).isEqualTo(intervals);
            assertThat(database.dsl().fetch(otherShifts).map(Object::toString)).isEqualTo(shifts);
        }
    }

    private static List<String> intervals(long userId, String format) {
        return database.dsl().fetch("""
                select l.value || ' ' || to_char(i.started_at at time zone ?, ?) || ' -> '
                       || coalesce(to_char(i.ended_at at time zone ?, ?), 'open') || ' ' || coalesce(i.end_reason, '-')
                       || ' campaign ' || i.campaign_id || ' seen ' || to_char(i.first_seen_at at time zone ?, ?) || '..'
                       || to_char(coalesce(i.last_seen_at, latest.observed_at) at time zone ?, ?)
                from warehouse.agent_state_interval as i
                left join reporting.latest_snapshot as latest on latest.account_id = i.account_id
                left join warehouse.label as l on l.label_id = i.status_ref
                where i.user_id = ?
                order by i.started_at
                """, zoneOf(format), format, zoneOf(format), format, zoneOf(format), format, zoneOf(format), format, userId)
                .getValues(0, String.class);
    }

    private static List<String> shifts(long userId, String format) {
        return database.dsl().fetch("""
                select to_char(login_at at time zone ?, ?) || ' -> ' || coalesce(to_char(logout_at at time zone ?, ?), 'open')
                       || ' ' || coalesce(end_reason, '-') || ' ready ' || ready_sec || ' wait ' || wait_sec
                       || ' incall ' || incall_sec || ' dispo ' || dispo_sec || ' paused ' || paused_sec || ' dead ' || dead_sec
                       || ' other ' || other_sec || ' gap ' || gap_sec || ' calls ' || calls_handled || ' campaign ' || campaign_id
                from warehouse.agent_shift
                where user_id = ?
                order by login_at
                """, zoneOf(format), format, zoneOf(format), format, userId).getValues(0, String.class);
    }

    private static String zoneOf(String format) {
        return format.equals(UTC_FORMAT) ? "UTC" : CraftedAnswers.ZONE.getId();
    }

    /** Polls every minute from 23:25 to 01:40, with no answer between 01:10 and 01:30. */
    private static CraftedAnswers night() {
        List<ScriptedAgent> agents = List.of(
                new ScriptedAgent(101, night("00:50:10"), night("00:59:30"))
                        .state("00:50:10", "READY").state("00:55:20", "INCALL").state("00:55:50", "DISPO").state("00:57:15", "READY"),
                new ScriptedAgent(102, night("23:30:05"), night("00:40:30"))
                        .state("23:30:05", "READY").state("23:45:10", "INCALL").state("23:58:00", "PAUSED").state("00:10:30", "READY")
                        .calls("23:30:05", 3).calls("23:58:00", 4).calls("00:00:40", 1).calls("00:25:00", 2),
                new ScriptedAgent(103, night("00:30:00"), night("00:50:30"))
                        .state("00:30:00", "READY").state("00:44:00", "INCALL").campaign("00:40:00", 5678),
                new ScriptedAgent(104, night("01:00:20"), night("02:00:00"))
                        .state("01:00:20", "READY").state("01:05:40", "PAUSED").state("01:35:10", "READY"),
                new ScriptedAgent(105, night("00:58:00"), night("02:00:00"))
                        .state("00:58:00", "READY").state("01:20:00", "INCALL").state("01:33:00", "DISPO"),
                new ScriptedAgent(106, night("01:02:00"), night("01:15:00")).state("01:02:00", "READY"),
                new ScriptedAgent(107, night("00:19:30"), night("00:25:30"))
                        .state("00:19:30", "READY").state("00:22:40", "PAUSED").withoutStateChangeTimes());
        CraftedAnswers answers = new CraftedAnswers();
        for (Instant at = night("23:25:00"); !at.isAfter(night("01:40:00")); at = at.plus(Duration.ofMinutes(1))) {
            if (at.isAfter(night("01:10:00")) && at.isBefore(night("01:30:00"))) {
                continue;
            }
            answers.poll(at, present(agents, at));
        }
        return answers;
    }

    /**
     * Three minute polls on January 15, then every real hour through the two DST changes of 2025 in Los Angeles,
     * then an answer of January 15 that arrived late.
     */
    private static CraftedAnswers dstNights() {
        Instant readySince = Instant.parse("2025-01-15T17:59:30Z"); // 09:59:30 PST
        CraftedAnswers answers = new CraftedAnswers();
        for (int minute = 0; minute < 3; minute++) {
            answers.poll(Instant.parse("2025-01-15T18:00:00Z").plusSeconds(60L * minute),
                    List.of(new Agent(301, "READY", readySince, 0, 1234)));
        }
        ScriptedAgent springForward = new ScriptedAgent(202, Instant.parse("2025-03-09T06:00:00Z"), Instant.parse("2025-03-09T13:00:30Z"))
                .state(Instant.parse("2025-03-09T06:00:00Z"), "READY") // 22:00 PST
                .state(Instant.parse("2025-03-09T09:30:00Z"), "INCALL") // 01:30 PST
                .state(Instant.parse("2025-03-09T10:30:00Z"), "READY"); // 03:30 PDT
        ScriptedAgent fallBack = new ScriptedAgent(201, Instant.parse("2025-11-02T05:00:00Z"), Instant.parse("2025-11-02T14:00:30Z"))
                .state(Instant.parse("2025-11-02T05:00:00Z"), "READY") // 22:00 PDT
                .state(Instant.parse("2025-11-02T07:30:00Z"), "PAUSED") // 00:30 PDT
                .state(Instant.parse("2025-11-02T11:00:00Z"), "READY"); // 03:00 PST
        for (Instant at = Instant.parse("2025-03-09T06:00:00Z"); !at.isAfter(Instant.parse("2025-03-09T14:00:00Z")); at = at.plus(Duration.ofHours(1))) {
            answers.poll(at, present(List.of(springForward), at));
        }
        for (Instant at = Instant.parse("2025-11-02T05:00:00Z"); !at.isAfter(Instant.parse("2025-11-02T15:00:00Z")); at = at.plus(Duration.ofHours(1))) {
            answers.poll(at, present(List.of(fallBack), at));
        }
        return answers.poll(Instant.parse("2025-01-15T18:01:30Z"),
                List.of(new Agent(301, "INCALL", Instant.parse("2025-01-15T18:01:10Z"), 0, 1234)));
    }

    private static List<Agent> present(List<ScriptedAgent> agents, Instant at) {
        return agents.stream().map(agent -> agent.at(at)).filter(Objects::nonNull).toList();
    }

    /** 23:25 is on June 10, 01:40 on June 11, Los Angeles time. */
    private static Instant night(String localTime) {
        LocalTime time = LocalTime.parse(localTime);
        return (time.getHour() >= 12 ? JUNE_10 : JUNE_10.plusDays(1)).atTime(time).atZone(CraftedAnswers.ZONE).toInstant();
    }

    /** An agent's night: logged in over [login, logout), with states, campaign and calls_today changing at given times. */
    private static final class ScriptedAgent {
        private final long userId;
        private final Instant login;
        private final Instant logout;
        private final TreeMap<Instant, String> states = new TreeMap<>();
        private final TreeMap<Instant, Long> campaigns = new TreeMap<>();
        private final TreeMap<Instant, Integer> calls = new TreeMap<>();
        private boolean hidesStateChangeTimes;

        ScriptedAgent(long userId, Instant login, Instant logout) {
            this.userId = userId;
            this.login = login;
            this.logout = logout;
            campaigns.put(login, 1234L);
            calls.put(login, 0);
        }

        ScriptedAgent state(String localTime, String status) {
            return state(night(localTime), status);
        }

        ScriptedAgent state(Instant at, String status) {
            states.put(at, status);
            return this;
        }

        /** The answers carry the zero date instead of last_state_change. */
        ScriptedAgent withoutStateChangeTimes() {
            hidesStateChangeTimes = true;
            return this;
        }

        ScriptedAgent campaign(String localTime, long campaignId) {
            campaigns.put(night(localTime), campaignId);
            return this;
        }

        ScriptedAgent calls(String localTime, int callsToday) {
            calls.put(night(localTime), callsToday);
            return this;
        }

        Agent at(Instant time) {
            if (time.isBefore(login) || !time.isBefore(logout)) {
                return null;
            }
            Map.Entry<Instant, String> state = states.floorEntry(time);
            return new Agent(userId, state.getValue(), hidesStateChangeTimes ? null : state.getKey(), calls.floorEntry(time).getValue(),
                    campaigns.floorEntry(time).getValue());
        }
    }
}
