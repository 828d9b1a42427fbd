package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.derive.CraftedAnswers.LastCall;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Hand-made answers, polled every minute from 10:00 to 10:03 on 2025-06-10 in Los Angeles and loaded by the real
 * {@code ingest} command, against the rows of reporting.agent_state_interval_with_inferred worked out by hand
 * (docs/data-model.md#inferred-stretches): one agent per situation, each with a call from before 10:00 that proves
 * nothing (its shift began after it).
 */
class CraftedInferredStretchesIT {

    private static final LocalDate JUNE_10 = LocalDate.of(2025, 6, 10);
    private static final LastCall EARLIER_CALL = new LastCall(7000L, local("09:50:00"), local("09:51:00"), "OUTBOUND", null, null);

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result load;

    @BeforeAll
    static void loadFourPolls() throws IOException {
        database = TestDatabase.migrated("crafted_inferred");
        load = Cli.run(database.springProperties(), "ingest", polls().write(directory.resolve("polls.ndjson")).toString());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void aCallWhollyBetweenTwoPollsBecomesInferredInCallAndWrapUp() {
        assertThat(load.exitCode()).as(load.all()).isZero();
        // 10:00 READY since 09:58; 10:01 READY since 10:00:50 showing the call 10:00:10 -> 10:00:35
        assertThat(withInferred(601)).containsExactly(
                "observed READY 09:58:00 -> 10:00:10 130",
                "inferred INCALL 10:00:10 -> 10:00:35 25 call 10:00:10",
                "inferred DISPO 10:00:35 -> 10:00:50 15 call 10:00:10",
                "observed READY 10:00:50 -> 10:03:00 130");
        assertThat(observed(601)).containsExactly(
                "observed READY 09:58:00 -> 10:00:50 170",
                "observed READY 10:00:50 -> 10:03:00 130");
    }

    @Test
    void aCallSeenInProgressWhoseFinishAndNextStateFallBetweenPollsGainsInferredWrapUp() {
        // 10:00 INCALL since 09:59:30; 10:01 READY since 10:00:45, the call finished at 10:00:20
        assertThat(withInferred(602)).containsExactly(
                "observed INCALL 09:59:30 -> 10:00:20 50",
                "inferred DISPO 10:00:20 -> 10:00:45 25 call 09:59:30",
                "observed READY 10:00:45 -> 10:03:00 135");
    }

    @Test
    void aCallWhoseWrapUpAPollSawInfersNothing() {
        // 10:00 INCALL since 09:59:40; 10:01 DISPO since 10:00:30, the call's finish; 10:02 READY since 10:01:20
        assertThat(withInferred(603)).containsExactly(
                "observed INCALL 09:59:40 -> 10:00:30 50",
                "observed DISPO 10:00:30 -> 10:01:20 50",
                "observed READY 10:01:20 -> 10:03:00 100");
        assertThat(withInferred(603)).isEqualTo(observed(603));
    }

    @Test
    void nothingIsInferredWhereTheFieldsDoNotProveIt() {
        // a call whose finish is not after its start
        assertThat(withInferred(604)).isEqualTo(observed(604)).hasSize(2);
        // a call that ends after the state the answer shows had begun
        assertThat(withInferred(605)).isEqualTo(observed(605)).hasSize(2);
        // a finish with no start
        assertThat(withInferred(606)).isEqualTo(observed(606)).hasSize(2);
    }

    @Test
    void theRowsOfAnAgentNeverOverlapAndCoverExactlyTheObservedTime() {
        assertThat(database.dsl().fetch("""
                select user_id, started_at
                from (
                    select user_id, started_at, lag(counted_until) over (partition by user_id order by started_at) as previous_end
                    from reporting.agent_state_interval_with_inferred
                ) as consecutive
                where started_at <> previous_end
                """)).as("rows that overlap or leave a hole").isEmpty();
        assertThat(database.dsl().fetchValue("""
                select (select sum(duration_sec) from reporting.agent_state_interval_with_inferred)
                     = (select sum(duration_sec) from reporting.agent_state_interval)
                """)).isEqualTo(true);
    }

    @Test
    void aPeriodReturnsTheRowsOfTheIntervalsOverlappingIt() {
        assertThat(database.dsl().fetch("""
                select source || ' ' || status || ' ' || to_char(started_local, 'HH24:MI:SS')
                from reporting.agent_state_intervals_with_inferred(
                    (select account_id from warehouse.account), timestamptz '2025-06-10 10:02:00 America/Los_Angeles',
                    timestamptz '2025-06-10 10:03:00 America/Los_Angeles')
                where user_id = 601
                order by started_at
                """).getValues(0, String.class)).containsExactly("observed READY 10:00:50");
    }

    private static List<String> withInferred(long userId) {
        return rows("reporting.agent_state_interval_with_inferred", "source", "call_started_at", userId);
    }

    private static List<String> observed(long userId) {
        return rows("reporting.agent_state_interval", "'observed'", "null::timestamptz", userId);
    }

    private static List<String> rows(String view, String source, String callStart, long userId) {
        return database.dsl().fetch("""
                select %s || ' ' || status || ' ' || to_char(started_local, 'HH24:MI:SS') || ' -> '
                       || to_char(counted_until_local, 'HH24:MI:SS') || ' ' || duration_sec::bigint
                       || coalesce(' call ' || to_char(%s at time zone time_zone, 'HH24:MI:SS'), '')
                from %s
                where user_id = ?
                order by started_at
                """.formatted(source, callStart, view), userId).getValues(0, String.class);
    }

    private static CraftedAnswers polls() {
        LastCall between601 = new LastCall(7101L, local("10:00:10"), local("10:00:35"), "OUTBOUND", null, null);
        LastCall during602 = new LastCall(7201L, local("09:59:30"), local("09:51:00"), "OUTBOUND", 9201L, null);
        LastCall ended602 = new LastCall(7201L, local("09:59:30"), local("10:00:20"), "OUTBOUND", null, null);
        LastCall during603 = new LastCall(7301L, local("09:59:40"), local("09:51:00"), "INBOUND", 9301L, local("09:59:40"));
        LastCall ended603 = new LastCall(7301L, local("09:59:40"), local("10:00:30"), "INBOUND", null, local("09:59:40"));
        LastCall noLength604 = new LastCall(7401L, local("10:00:10"), local("10:00:10"), "OUTBOUND", null, null);
        LastCall pastTheState605 = new LastCall(7501L, local("10:00:10"), local("10:00:40"), "OUTBOUND", null, null);
        LastCall noStart606 = new LastCall(7601L, null, local("10:00:35"), "OUTBOUND", null, null);
        List<Agent> afterTheirStateChanges = List.of(
                agent(601, "READY", "10:00:50", 4, between601),
                agent(602, "READY", "10:00:45", 4, ended602),
                agent(603, "READY", "10:01:20", 4, ended603),
                agent(604, "READY", "10:00:50", 4, noLength604),
                agent(605, "READY", "10:00:20", 4, pastTheState605),
                agent(606, "READY", "10:00:50", 4, noStart606));
        return new CraftedAnswers()
                .poll(local("10:00:00"), List.of(
                        agent(601, "READY", "09:58:00", 3, EARLIER_CALL),
                        agent(602, "INCALL", "09:59:30", 4, during602),
                        agent(603, "INCALL", "09:59:40", 4, during603),
                        agent(604, "READY", "09:58:00", 3, EARLIER_CALL),
                        agent(605, "READY", "09:58:00", 3, EARLIER_CALL),
                        agent(606, "READY", "09:58:00", 3, EARLIER_CALL)))
                // at 10:01 the agents are as after, but for 603, still in its wrap-up
                .poll(local("10:01:00"), afterTheirStateChanges.stream()
                        .map(agent -> agent.userId() == 603 ? agent(603, "DISPO", "10:00:30", 4, ended603) : agent)
                        .toList())
                .poll(local("10:02:00"), afterTheirStateChanges)
                .poll(local("10:03:00"), afterTheirStateChanges);
    }

    private static Agent agent(long userId, String status, String lastStateChange, int callsToday, LastCall call) {
        return new Agent(userId, status, local(lastStateChange), callsToday, 11, call);
    }

    private static Instant local(String localTime) {
        return JUNE_10.atTime(LocalTime.parse(localTime)).atZone(CraftedAnswers.ZONE).toInstant();
    }
}
