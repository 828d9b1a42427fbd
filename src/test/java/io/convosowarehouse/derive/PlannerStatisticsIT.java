package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.derive.CraftedAnswers.LastCall;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The derivation's joins are planned with statistics that know the account: the first big snapshot of an account
 * (also one new to a warehouse that has others) has the tables it joins analyzed, and a small account costs no
 * ANALYZE at every poll.
 */
class PlannerStatisticsIT {

    private static final Instant TEN = Instant.parse("2025-06-10T17:00:00Z");

    @TempDir
    Path directory;
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.migrated("planner_statistics");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyBigAccountIsKnownToTheStatisticsOfTheTablesTheDerivationJoins() throws IOException {
        ingest("east", 300);
        assertThat(accountsKnown()).containsExactly(
                "agent_call {1}", "agent_shift {1}", "agent_snapshot_p202506 {1}", "agent_state_interval {1}");

        ingest("west", 250);
        assertThat(accountsKnown()).containsExactly(
                "agent_call {1,2}", "agent_shift {1,2}", "agent_snapshot_p202506 {1,2}", "agent_state_interval {1,2}");

        ingest("tiny", 20);
        assertThat(accountsKnown()).as("no ANALYZE for 20 agents").containsExactly(
                "agent_call {1,2}", "agent_shift {1,2}", "agent_snapshot_p202506 {1,2}", "agent_state_interval {1,2}");
    }

    @Test
    void aTableThatCannotBeAnalyzedNowCostsAWarningAndLosesNothing() throws Exception {
        try (Connection vacuum = DriverManager.getConnection(database.url(), PostgresServer.get().user(),
                PostgresServer.get().password())) {
            // what a long VACUUM holds: ANALYZE would wait for it
            vacuum.setAutoCommit(false);
            vacuum.createStatement().execute("lock table warehouse.agent_shift in share update exclusive mode");

            Cli.Result result = ingest("north", 220);

            assertThat(result.out()).contains("1 snapshot(s) loaded", "220 agent rows");
            assertThat(result.all()).contains("could not give the planner statistics (ANALYZE)", "lock timeout");
            vacuum.rollback();
        }
    }

    private Cli.Result ingest(String account, int agents) throws IOException {
        List<Agent> roster = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            // every other agent in a call, so that warehouse.agent_call has the account's rows too
            roster.add(i % 2 == 0
                    ? new Agent(1000 + i, "READY", TEN.minusSeconds(30), 0, 1234)
                    : new Agent(1000 + i, "INCALL", TEN.minusSeconds(30), 1, 1234, new LastCall(5000L + i,
                            TEN.minusSeconds(30), null, "OUTBOUND", 7000L + i, null)));
        }
        Path file = new CraftedAnswers().poll(TEN, roster).write(directory.resolve(account + ".ndjson"));
        Cli.Result result = Cli.run(Cli.merge(database.springProperties(), Map.of("convoso.account", account)),
                "ingest", file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    private List<String> accountsKnown() {
        return database.dsl().fetch("""
                select tablename || ' ' || cast(most_common_vals as text)
                from pg_stats
                where schemaname = 'warehouse'
                  and (tablename in ('agent_state_interval', 'agent_shift', 'agent_call') or tablename like 'agent\\_snapshot\\_p%')
                  and attname = 'account_id'
                order by tablename
                """).getValues(0, String.class);
    }
}
