package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.derive.CraftedAnswers.LastCall;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Hand-made answers whose call fields behave as the documented reading says (docs/data-model.md#calls), loaded
 * by the real {@code ingest} command, against the calls worked out by hand. A night from 2025-06-10 23:55 to
 * 2025-06-11 00:20 in Los Angeles, polled every minute except between 00:10 and 00:16 (a gap: the threshold is
 * 5 minutes), with one agent per situation. calls_today counts the calls started on the local day, from 4 at
 * 23:55 and from 0 after midnight.
 */
class CraftedCallsIT {

    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result load;

    @BeforeAll
    static void loadTheNight() throws IOException {
        database = TestDatabase.migrated("crafted_calls");
        load = Cli.run(database.springProperties(), "ingest", night().write(directory.resolve("night.ndjson")).toString());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void aCallSeenAcrossPollsAndOneAcrossLocalMidnightEndExactlyAndOfTwoCallsBetweenPollsOneIsSeen() {
        assertThat(load.exitCode()).as(load.all()).isZero();
        // A's finish (23:58:25) is proven at 23:59 by B's row: it lies between A's start and B's; C (00:03:05)
        // and D (00:03:40) both fall between the 00:03 and 00:04 polls, which show only D
        assertThat(calls(501)).containsExactly(
                "23:56:10 -> 23:58:25 finished talk 135 outbound log 7001 lead 9001 seen 23:57:00..23:59:00",
                "23:58:50 -> 00:01:05 finished talk 135 inbound log 7002 lead 9002 seen 23:59:00..00:02:00",
                "00:03:40 -> 00:03:50 finished talk 10 outbound log 7004 lead - seen 00:04:00..00:04:00");
        // counted: +1 at 23:57 (A), +1 at 23:59 (B), 0 after the midnight reset, +2 at 00:04 (C and D)
        assertThat(callsCountedAndSeen(501)).isEqualTo("counted 4 seen 3");
    }

    @Test
    void aCallCutByLogoutStaysWithoutAnEnd() {
        assertThat(calls(502)).containsExactly(
                "00:02:10 -> open logout talk - outbound log 7005 lead 9005 seen 00:03:00..00:05:00");
    }

    @Test
    void aCallWhoseEndAPollingGapHidesEndsWithTheGapAndTheCallInsideTheGapIsSeenWhole() {
        assertThat(calls(503)).containsExactly(
                "00:08:30 -> open gap talk - outbound log 7006 lead 9006 seen 00:09:00..00:16:00",
                "00:13:00 -> 00:15:00 finished talk 120 - log 7007 lead - seen 00:16:00..00:16:00");
    }

    @Test
    void inboundWithoutWrapUpAZeroSecondCallAndAFinishNeverAfterItsStart() {
        // J (00:08:40) never gets a finish after its start: it stays open through the gap until the logout
        assertThat(calls(504)).containsExactly(
                "00:05:10 -> 00:06:20 finished talk 70 inbound log 7008 lead 9008 seen 00:06:00..00:07:00",
                "00:07:30 -> 00:07:30 finished talk 0 outbound log 7009 lead - seen 00:08:00..00:08:00",
                "00:08:40 -> open logout talk - outbound log 7010 lead 9010 seen 00:09:00..00:18:00");
    }

    @Test
    void aCallLogIdOfZeroOrRepeatedStillGivesOneRowPerCallAndACallWithoutAStartIsNotSeen() {
        // K is over at its first poll with no call_type and no inbound call to compare: direction unknown;
        // O (00:08:10) comes without last_call_time and cannot be placed
        assertThat(calls(505)).containsExactly(
                "00:01:10 -> 00:01:40 finished talk 30 - log - lead - seen 00:02:00..00:02:00",
                "00:02:30 -> 00:03:30 finished talk 60 outbound log - lead 9012 seen 00:03:00..00:04:00",
                "00:05:50 -> 00:06:40 finished talk 50 outbound log 7011 lead 9013 seen 00:06:00..00:07:00",
                "00:07:10 -> 00:07:40 finished talk 30 - log 7011 lead - seen 00:08:00..00:08:00");
    }

    @Test
    void aNewCallBeforeAnyFinishReplacesTheOpenOne() {
        assertThat(calls(506)).containsExactly(
                "00:01:10 -> open replaced talk - outbound log 7014 lead 9014 seen 00:02:00..00:03:00",
                "00:02:40 -> open logout talk - outbound log 7015 lead 9015 seen 00:03:00..00:06:00");
    }

    @Test
    void aCallUnderWayAtTheShiftsFirstPollIsCountedOnTheLoadAndOnTheRebuildPath() {
        // the first reading (00:02) shows calls_today 1 and the call that began at 00:01:40, after the login
        assertThat(calls(507)).containsExactly(
                "00:01:40 -> 00:02:30 finished talk 50 outbound log 7016 lead 9016 seen 00:02:00..00:03:00");
        assertThat(callsCountedAndSeen(507)).isEqualTo("counted 1 seen 1");

        // 00:02:30: the shift's first reading is the last before the cut, so the rewind recomputes its count
        Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived", "--from", "2025-06-11T07:02:30Z",
                "--to", "2025-06-11T08:00:00Z");

        assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
        assertThat(callsCountedAndSeen(507)).isEqualTo("counted 1 seen 1");
    }

    @Test
    void aRebuildFromAnyCutWritesExactlyTheCallsTheLoadWrote() {
        List<String> loaded = allCalls();
        assertThat(loaded).hasSize(16);
        // 23:57 (A open), 00:03:30 (between two polls), 00:16 (the first answer after the gap), 00:19
        for (String from : new String[] {"2025-06-11T06:57:00Z", "2025-06-11T07:03:30Z", "2025-06-11T07:16:00Z",
                "2025-06-11T07:19:00Z", "2025-06-11T06:50:00Z"}) {
            Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived", "--from", from, "--to",
                    "2025-06-11T08:00:00Z");

            assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
            assertThat(allCalls()).as("rebuilt from " + from).isEqualTo(loaded);
        }
    }

    private static List<String> calls(long userId) {
        return database.dsl().fetch("""
                select to_char(c.started_at at time zone ?, 'HH24:MI:SS') || ' -> '
                       || coalesce(to_char(c.ended_at at time zone ?, 'HH24:MI:SS'), 'open') || ' '
                       || coalesce(c.end_reason, '-') || ' talk ' || coalesce(c.talk_sec::text, '-') || ' '
                       || coalesce(c.direction, '-') || ' log ' || coalesce(c.call_log_id::text, '-')
                       || ' lead ' || coalesce(c.lead_id::text, '-')
                       || ' seen ' || to_char(c.first_seen_at at time zone ?, 'HH24:MI:SS') || '..'
                       || coalesce(to_char(c.ended_seen_at at time zone ?, 'HH24:MI:SS'), 'open')
                from warehouse.agent_call as c
                where c.user_id = ?
                order by c.started_at
                """, zone(), zone(), zone(), zone(), userId).getValues(0, String.class);
    }

    private static String callsCountedAndSeen(long userId) {
        return database.dsl().fetchSingle("""
                select 'counted ' || sum(s.calls_handled) || ' seen '
                       || (select count(*) from warehouse.agent_call as c where c.account_id = s.account_id and c.user_id = s.user_id)
                from warehouse.agent_shift as s
                where s.user_id = ?
                group by s.account_id, s.user_id
                """, userId).get(0, String.class);
    }

    private static List<String> allCalls() {
        return database.dsl().fetch("select c::text from warehouse.agent_call as c order by c.user_id, c.started_at")
                .getValues(0, String.class);
    }

    private static String zone() {
        return CraftedAnswers.ZONE.getId();
    }

    /** Polls every minute from 23:55 to 00:20, with no answer between 00:10 and 00:16. */
    private static CraftedAnswers night() {
        List<ScriptedAgent> agents = List.of(
                new ScriptedAgent(501, local("23:55:00"), local("00:05:30"))
                        .state("23:55:00", "READY").state("23:56:10", "INCALL").state("23:58:25", "DISPO")
                        .state("23:58:50", "INCALL").state("00:01:05", "DISPO").state("00:01:30", "READY")
                        .state("00:03:05", "INCALL").state("00:03:20", "DISPO").state("00:03:30", "READY")
                        .state("00:03:40", "INCALL").state("00:03:50", "DISPO").state("00:03:58", "READY")
                        .call("23:56:10", "23:58:25", 7001L, 9001, "OUTBOUND")
                        .call("23:58:50", "00:01:05", 7002L, 9002, "INBOUND")
                        .call("00:03:05", "00:03:20", 7003L, 9003, "OUTBOUND")
                        .call("00:03:40", "00:03:50", 7004L, 9004, "OUTBOUND"),
                new ScriptedAgent(502, local("23:55:00"), local("00:04:30"))
                        .state("23:55:00", "READY").state("00:02:10", "INCALL")
                        .call("00:02:10", "00:30:00", 7005L, 9005, "OUTBOUND"),
                new ScriptedAgent(503, local("23:55:00"), local("00:30:00"))
                        .state("23:55:00", "READY").state("00:08:30", "INCALL").state("00:12:00", "DISPO")
                        .state("00:12:30", "READY").state("00:13:00", "INCALL").state("00:15:00", "DISPO")
                        .state("00:15:30", "READY")
                        .call("00:08:30", "00:12:00", 7006L, 9006, "OUTBOUND")
                        .call("00:13:00", "00:15:00", 7007L, 9007, "OUTBOUND"),
                new ScriptedAgent(504, local("23:55:00"), local("00:17:30"))
                        .state("23:55:00", "READY").state("00:05:10", "INCALL").state("00:06:20", "READY")
                        .state("00:07:30", "DISPO").state("00:07:45", "READY").state("00:08:40", "INCALL")
                        .state("00:09:50", "READY")
                        .call("00:05:10", "00:06:20", 7008L, 9008, "INBOUND")
                        .call("00:07:30", "00:07:30", 7009L, 9009, "OUTBOUND")
                        .call("00:08:40", "00:09:50", 7010L, 9010, "OUTBOUND").finishNeverShown(),
                new ScriptedAgent(505, local("23:55:00"), local("00:30:00"))
                        .state("23:55:00", "READY").state("00:01:10", "INCALL").state("00:01:40", "DISPO")
                        .state("00:02:00", "READY").state("00:02:30", "INCALL").state("00:03:30", "DISPO")
                        .state("00:03:45", "READY").state("00:05:50", "INCALL").state("00:06:40", "READY")
                        .state("00:07:10", "INCALL").state("00:07:40", "READY").state("00:08:10", "INCALL")
                        .state("00:08:50", "DISPO").state("00:09:10", "READY")
                        .call("00:01:10", "00:01:40", null, 9011, "OUTBOUND")
                        .call("00:02:30", "00:03:30", null, 9012, "OUTBOUND")
                        .call("00:05:50", "00:06:40", 7011L, 9013, "OUTBOUND")
                        .call("00:07:10", "00:07:40", 7011L, 9014, "OUTBOUND")
                        .call("00:08:10", "00:08:50", 7012L, 9015, "OUTBOUND").startNeverShown(),
                new ScriptedAgent(506, local("23:55:00"), local("00:05:30")).finishesNeverShown()
                        .state("23:55:00", "READY").state("00:01:10", "INCALL").state("00:02:20", "DISPO")
                        .state("00:02:40", "INCALL").state("00:03:40", "DISPO").state("00:04:00", "READY")
                        .call("00:01:10", "00:02:20", 7014L, 9014, "OUTBOUND")
                        .call("00:02:40", "00:03:40", 7015L, 9015, "OUTBOUND"),
                new ScriptedAgent(507, local("00:01:20"), local("00:04:30"))
                        .state("00:01:20", "READY").state("00:01:40", "INCALL").state("00:02:30", "DISPO")
                        .state("00:02:45", "READY")
                        .call("00:01:40", "00:02:30", 7016L, 9016, "OUTBOUND"));
        CraftedAnswers answers = new CraftedAnswers();
        for (Instant time = local("23:55:00"); !time.isAfter(local("00:20:00")); time = time.plus(Duration.ofMinutes(1))) {
            if (time.isAfter(local("00:10:00")) && time.isBefore(local("00:16:00"))) {
                continue;
            }
            Instant now = time;
            answers.poll(now, agents.stream().map(agent -> agent.at(now)).filter(Objects::nonNull).toList());
        }
        return answers;
    }

    /** 23:55 is on June 10, 00:20 on June 11, Los Angeles time. */
    private static Instant local(String localTime) {
        LocalTime time = LocalTime.parse(localTime);
        return (time.getHour() >= 12 ? JUNE_10 : JUNE_10.plusDays(1)).atTime(time).atZone(CraftedAnswers.ZONE).toInstant();
    }

    /** One call of the script; the answers show its lead and call type only while it is in progress. */
    private record Call(Instant start, Instant end, Long callLogId, long leadId, String callType, boolean startShown,
            boolean finishShown) {

        boolean inProgressAt(Instant time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    /** An agent's night: logged in over [login, logout), with states and calls at given times. */
    private static final class ScriptedAgent {
        private final long userId;
        private final Instant login;
        private final Instant logout;
        private final TreeMap<Instant, String> states = new TreeMap<>();
        private final List<Call> calls = new ArrayList<>();
        private boolean finishesShown = true;

        ScriptedAgent(long userId, Instant login, Instant logout) {
            this.userId = userId;
            this.login = login;
            this.logout = logout;
        }

        ScriptedAgent state(String localTime, String status) {
            states.put(local(localTime), status);
            return this;
        }

        ScriptedAgent call(String start, String end, Long callLogId, long leadId, String callType) {
            calls.add(new Call(local(start), local(end), callLogId, leadId, callType, true, true));
            return this;
        }

        /** The last call's last_call_finish is never sent: the row keeps showing the previous call's. */
        ScriptedAgent finishNeverShown() {
            Call last = calls.remove(calls.size() - 1);
            calls.add(new Call(last.start(), last.end(), last.callLogId(), last.leadId(), last.callType(), true, false));
            return this;
        }

        /** The last call comes with the zero date as last_call_time. */
        ScriptedAgent startNeverShown() {
            Call last = calls.remove(calls.size() - 1);
            calls.add(new Call(last.start(), last.end(), last.callLogId(), last.leadId(), last.callType(), false, true));
            return this;
        }

        /** The account never sends last_call_finish. */
        ScriptedAgent finishesNeverShown() {
            finishesShown = false;
            return this;
        }

        Agent at(Instant time) {
            if (time.isBefore(login) || !time.isBefore(logout)) {
                return null;
            }
            Map.Entry<Instant, String> state = states.floorEntry(time);
            return new Agent(userId, state.getValue(), state.getKey(), callsToday(time), 1234, lastCall(time));
        }

        /** Calls started on the local day so far; 4 before midnight, when the night began. */
        private int callsToday(Instant time) {
            LocalDate day = time.atZone(CraftedAnswers.ZONE).toLocalDate();
            long started = calls.stream()
                    .filter(call -> !call.start().isAfter(time) && call.start().atZone(CraftedAnswers.ZONE).toLocalDate().equals(day))
                    .count();
            return (int) started + (day.equals(JUNE_10) ? 4 : 0);
        }

        private LastCall lastCall(Instant time) {
            Call last = calls.stream().filter(call -> !call.start().isAfter(time)).max(Comparator.comparing(Call::start))
                    .orElse(null);
            if (last == null) {
                return new LastCall(null, null, null, null, null, null);
            }
            Instant finish = !finishesShown ? null : calls.stream()
                    .filter(call -> call.finishShown() && !call.end().isAfter(time))
                    .map(Call::end).max(Comparator.naturalOrder()).orElse(null);
            Instant inboundStart = calls.stream()
                    .filter(call -> call.callType().equals("INBOUND") && !call.start().isAfter(time))
                    .map(Call::start).max(Comparator.naturalOrder()).orElse(null);
            boolean inProgress = last.inProgressAt(time);
            return new LastCall(last.callLogId(), last.startShown() ? last.start() : null, finish,
                    inProgress ? last.callType() : null, inProgress ? last.leadId() : null, inboundStart);
        }
    }
}
