package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.derive.CraftedAnswers.LastCall;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * An agent's first poll can find it already past the start of a call the polls never saw begin: in wrap-up (601),
 * or in a call whose state changed a few seconds after the call started (602). The shift then begins where that
 * state does, after the call's start, yet the call is seen, so it must be counted too: calls seen never exceed
 * calls counted. Also each call's wrap-up, stored once the agent moves on. Los Angeles, 2025-06-11, polled every
 * minute from 09:00 to 09:06; agent 600 makes the 09:00 answer the account's first, which the others are not in.
 */
class CallUnderWayAtFirstPollIT {

    private static final LocalDate JUNE_11 = LocalDate.of(2025, 6, 11);

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result load;

    @BeforeAll
    static void loadTheMorning() throws IOException {
        database = TestDatabase.migrated("call_under_way_at_first_poll");
        CraftedAnswers answers = new CraftedAnswers();
        for (int minute = 0; minute <= 6; minute++) {
            answers.poll(local("09:0" + minute + ":00"), agentsAt(minute));
        }
        load = Cli.run(database.springProperties(), "ingest", answers.write(directory.resolve("morning.ndjson")).toString());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void aCallAlreadyInWrapUpAtTheFirstPollIsCountedAsWellAsSeen() {
        assertThat(load.exitCode()).as(load.all()).isZero();
        // calls_today 3 at 09:01 includes the call of 09:00:10, 4 at 09:03 the call of 09:02:50
        assertThat(callsCountedAndSeen(601)).isEqualTo("counted 2 seen 2");
    }

    @Test
    void aCallWhoseStateBeganAfterItAtTheFirstPollIsCountedAsWellAsSeen() {
        assertThat(callsCountedAndSeen(602)).isEqualTo("counted 1 seen 1");
    }

    @Test
    void eachCallKeepsItsWrapUpOnceTheAgentMovesOn() {
        // 601: DISPO 09:00:40-09:01:30 until READY (seen at 09:02); DISPO 09:03:40-09:04:30 until READY (09:05)
        // 602: DISPO 09:01:35-09:02:40 until READY (09:03); 600 never took a call
        assertThat(wrapUps()).containsExactly(
                "601 09:00:10 wrap-up 50 dead 0 known 09:02:00",
                "601 09:02:50 wrap-up 50 dead 0 known 09:05:00",
                "602 09:00:20 wrap-up 65 dead 0 known 09:03:00");
    }

    @Test
    void aRebuildFromAnyCutCountsAndStoresTheSame() {
        String loadedCalls = allCalls();
        // 09:01:30: the shifts' first readings are before the cut, so the rewind recomputes their counts
        for (String from : new String[] {"2025-06-11T16:01:30Z", "2025-06-11T16:00:30Z", "2025-06-11T16:04:00Z"}) {
            Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived", "--from", from, "--to",
                    "2025-06-11T17:00:00Z");

            assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
            assertThat(callsCountedAndSeen(601)).as("rebuilt from " + from).isEqualTo("counted 2 seen 2");
            assertThat(callsCountedAndSeen(602)).as("rebuilt from " + from).isEqualTo("counted 1 seen 1");
            assertThat(allCalls()).as("rebuilt from " + from).isEqualTo(loadedCalls);
        }
    }

    private static List<Agent> agentsAt(int minute) {
        Agent steady = new Agent(600, "READY", local("08:30:00"), 0, 1234);
        LastCall first = new LastCall(8001L, local("09:00:10"), local("09:00:40"), null, null, null);
        // while the second call is in progress, last_call_finish still shows the first one's
        LastCall second = new LastCall(8002L, local("09:02:50"), local("09:00:40"), "OUTBOUND", 9802L, null);
        LastCall secondEnded = new LastCall(8002L, local("09:02:50"), local("09:03:40"), null, null, null);
        Agent wrapUp = switch (minute) {
            case 0 -> null;
            case 1 -> new Agent(601, "DISPO", local("09:00:40"), 3, 1234, first);
            case 2 -> new Agent(601, "READY", local("09:01:30"), 3, 1234, first);
            case 3 -> new Agent(601, "INCALL", local("09:02:50"), 4, 1234, second);
            case 4 -> new Agent(601, "DISPO", local("09:03:40"), 4, 1234, secondEnded);
            default -> new Agent(601, "READY", local("09:04:30"), 4, 1234, secondEnded);
        };
        LastCall ringing = new LastCall(8003L, local("09:00:20"), null, "OUTBOUND", 9803L, null);
        LastCall rang = new LastCall(8003L, local("09:00:20"), local("09:01:35"), null, null, null);
        Agent inCall = switch (minute) {
            case 0 -> null;
            case 1 -> new Agent(602, "INCALL", local("09:00:25"), 1, 1234, ringing);
            case 2 -> new Agent(602, "DISPO", local("09:01:35"), 1, 1234, rang);
            default -> new Agent(602, "READY", local("09:02:40"), 1, 1234, rang);
        };
        return Stream.of(steady, wrapUp, inCall).filter(Objects::nonNull).toList();
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

    private static List<String> wrapUps() {
        return database.dsl().fetch("""
                select c.user_id || ' ' || to_char(c.started_at at time zone ?, 'HH24:MI:SS')
                       || ' wrap-up ' || coalesce(c.wrap_up_sec::text, '-') || ' dead ' || coalesce(c.dead_sec::text, '-')
                       || ' known ' || coalesce(to_char(c.handled_seen_at at time zone ?, 'HH24:MI:SS'), 'not yet')
                from warehouse.agent_call as c
                order by c.user_id, c.started_at
                """, zone(), zone()).getValues(0, String.class);
    }

    private static String allCalls() {
        return String.join("\n", database.dsl()
                .fetch("select c::text from warehouse.agent_call as c order by c.user_id, c.started_at")
                .getValues(0, String.class));
    }

    private static String zone() {
        return CraftedAnswers.ZONE.getId();
    }

    private static Instant local(String localTime) {
        return LocalTime.parse(localTime).atDate(JUNE_11).atZone(CraftedAnswers.ZONE).toInstant();
    }
}
