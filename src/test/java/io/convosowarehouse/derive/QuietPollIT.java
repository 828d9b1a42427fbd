package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * A poll writes only what changed: an agent who stays in one state costs no write to the derived tables, yet the
 * reporting views count that agent's open interval and shift up to the latest snapshot. This is what keeps one
 * 5,000-agent snapshot inside its time budget, so it is checked on the rows' transaction ids.
 */
class QuietPollIT {

    private static final Instant TEN = Instant.parse("2025-06-10T17:00:00Z");
    private static final Instant TEN_ONE = TEN.plusSeconds(60);
    private static final Instant TEN_TWO = TEN.plusSeconds(120);

    @TempDir
    Path directory;
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.migrated("quiet_poll");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void anAgentInTheSameStateIsNotRewrittenButIsCountedToTheLatestSnapshot() throws IOException {
        Agent steady = new Agent(201, "READY", TEN.minusSeconds(30), 4, 1234);
        Agent busy = new Agent(202, "READY", TEN.minusSeconds(20), 7, 1234);
        ingest("first", new CraftedAnswers().poll(TEN, List.of(steady, busy)).poll(TEN_ONE, List.of(steady, busy)));
        List<String> steadyRowsBefore = rowVersions(201);
        List<String> busyRowsBefore = rowVersions(202);

        Agent busyInCall = new Agent(202, "INCALL", TEN_ONE.plusSeconds(25), 8, 1234);
        ingest("second", new CraftedAnswers().poll(TEN_TWO, List.of(steady, busyInCall)));

        assertThat(rowVersions(201)).isEqualTo(steadyRowsBefore);
        assertThat(database.dsl().fetchValue("select xmax::text from warehouse.agent where user_id = 201"))
                .as("the agent dimension's row is not even locked").isEqualTo("0");
        assertThat(rowVersions(202)).isNotEqualTo(busyRowsBefore);
        assertThat(database.dsl().fetchValue("""
                select counted_until from reporting.agent_state_interval where user_id = 201 and is_open
                """, OffsetDateTime.class)).isEqualTo(TEN_TWO.atOffset(ZoneOffset.UTC));
        assertThat(database.dsl().fetchValue("""
                select ready_sec from reporting.agent_shift where user_id = 201
                """, Integer.class)).isEqualTo(150);
        assertThat(database.dsl().fetchValue("""
                select calls_handled from reporting.agent_shift where user_id = 202
                """, Integer.class)).isEqualTo(1);
    }

    @Test
    void theAgentDimensionMovesLastSeenInStepsOfAQuarterHourAndKeepsEveryName() throws IOException {
        Agent agent = new Agent(301, "READY", TEN.minusSeconds(30), 0, 1234);
        CraftedAnswers answers = new CraftedAnswers();
        for (int minute : new int[] {0, 1, 14, 16, 17}) {
            answers.poll(TEN.plusSeconds(60L * minute), List.of(agent));
        }
        ingest("steps", answers);

        assertThat(database.dsl().fetch("""
                select user_full_name, first_seen_at, last_seen_at from warehouse.agent where user_id = 301
                """).map(row -> row.get(0) + " " + row.get(1, OffsetDateTime.class).toInstant() + ".."
                        + row.get(2, OffsetDateTime.class).toInstant()))
                .containsExactly("Agent 301 " + TEN + ".." + TEN.plusSeconds(16 * 60));
    }

    private void ingest(String name, CraftedAnswers answers) throws IOException {
        Cli.Result result = Cli.run(database.springProperties(), "ingest",
                answers.write(directory.resolve(name + ".ndjson")).toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    /** Each derived row of the agent with the transaction that last wrote it. */
    private List<String> rowVersions(long userId) {
        return database.dsl().fetch("""
                select 'interval ' || started_at || ' xmin ' || xmin from warehouse.agent_state_interval where user_id = ?
                union all
                select 'shift ' || login_at || ' xmin ' || xmin from warehouse.agent_shift where user_id = ?
                order by 1
                """, userId, userId).getValues(0, String.class);
    }
}
