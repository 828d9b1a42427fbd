package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The derivation keeps the settled aggregates true by itself (no trigger does it, so that Citus can distribute the
 * intervals): an interval it writes or deletes before the settled instant moves that instant back, so a report never
 * reads a stored quarter hour the intervals no longer give.
 */
class DerivationUnsettlesTest {

    private static final Instant TEN = Instant.parse("2025-06-10T17:00:00Z");
    private static final List<String> STATES = List.of("READY", "INCALL", "DISPO", "WAIT");
    private static final String QUARTER_HOURS_READ = """
            select bucket_start, status_group, agent_sec, peak_agents, agents_seen
            from reporting.agent_status_quarter_hours(null, '-infinity', 'infinity')
            order by bucket_start, status_group
            """;
    private static final String QUARTER_HOURS_COMPUTED = """
            select bucket_start, status_group, agent_sec, peak_agents, agents_seen
            from reporting.agent_status_quarter_hours_from_intervals(null, '-infinity', 'infinity')
            order by bucket_start, status_group
            """;

    @TempDir
    Path directory;
    private TestDatabase database;

    @BeforeEach
    void ingestFortyMinutesOfOneAgentChangingStateEveryFive() throws IOException {
        database = TestDatabase.migrated("derivation_unsettles");
        CraftedAnswers answers = new CraftedAnswers();
        for (int minute = 0; minute <= 40; minute++) {
            answers.poll(at(minute), List.of(agentAt(minute)));
        }
        ingest("forty-minutes", answers);
        assertThat(settledUntil()).as("settled up to the quarter hour of the open interval (10:40)").isEqualTo(at(30));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void anAgentFirstSeenInAStateThatBeganBeforeTheSettledInstantMovesItBack() throws IOException {
        Agent late = new Agent(202, "PAUSED", at(5), 0, 1234);
        ingest("late-agent", new CraftedAnswers().poll(at(41), List.of(agentAt(41), late)));

        assertThat(settledUntil()).as("the quarter hour holding the late agent's start").isEqualTo(at(0));
        assertThat(database.dsl().fetch(QUARTER_HOURS_READ).formatCSV())
                .isEqualTo(database.dsl().fetch(QUARTER_HOURS_COMPUTED).formatCSV())
                .contains("paused");
    }

    @Test
    void theRewindMovesItBackBeforeTheIntervalsItDeletesOrReopens() {
        DSLContext dsl = database.dsl();
        dsl.transaction(configuration -> {
            configuration.dsl().execute("select warehouse.rewind_derived(account_id, timestamptz '2025-06-10 17:12:30Z') "
                    + "from warehouse.account");
            // the intervals begun from 10:15 on are deleted, and the one begun at 10:10, which the 10:15 state change
            // closed, is reopened
            assertThat(configuration.dsl().fetchSingle("select settled_until from warehouse.settled_until")
                    .get(0, OffsetDateTime.class).toInstant()).isEqualTo(at(0));
        });
    }

    /** Agent 201, in a new state every five minutes: READY from :00, INCALL from :05, ... */
    private static Agent agentAt(int minute) {
        int block = minute / 5;
        return new Agent(201, STATES.get(block % STATES.size()), at(block * 5), block, 1234);
    }

    private static Instant at(int minute) {
        return TEN.plusSeconds(60L * minute);
    }

    /** NULL while nothing is settled. */
    private Instant settledUntil() {
        OffsetDateTime value = database.dsl().fetchSingle(
                "select nullif(settled_until, '-infinity') from warehouse.settled_until").get(0, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private void ingest(String name, CraftedAnswers answers) throws IOException {
        Cli.Result result = Cli.run(database.springProperties(), "ingest",
                answers.write(directory.resolve(name + ".ndjson")).toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
    }
}
