package io.convosowarehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * One answer is one transaction: a database failure at any point of a snapshot's load leaves no
 * row of it anywhere, and the next attempt loads it whole.
 */
class SnapshotAtomicityIT {

    private static final String EXAMPLE = Path.of("src/test/resources/fixtures/agent-monitor-search.example.json").toString();
    private static final List<String> TABLES = List.of("warehouse.snapshot", "warehouse.agent_snapshot",
            "warehouse.campaign_stats", "warehouse.queue_stats", "warehouse.agent", "warehouse.campaign", "warehouse.queue",
            "ingest.raw_payload", "ingest.rejected_record");
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("atomicity");
        database.dsl().execute("""
                create function public.fail_the_load() returns trigger language plpgsql as $$
                begin
                    raise exception 'injected failure in %', tg_table_name;
                end $$""");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void emptyTheWarehouse() {
        database.dsl().execute("truncate " + String.join(", ", TABLES));
    }

    /** Each table is written at a different point of the load; fail at each of them in turn. */
    @ParameterizedTest
    @ValueSource(strings = {"warehouse.agent_snapshot", "warehouse.campaign_stats", "warehouse.queue_stats",
            "warehouse.agent", "warehouse.queue", "ingest.raw_payload"})
    void aFailureWhileWritingAnyTableLeavesNothingAndTheRetryLoadsEverything(String failingTable) {
        database.dsl().execute("create trigger fail_the_load before insert on " + failingTable
                + " for each row execute function public.fail_the_load()");
        Cli.Result failed;
        try {
            failed = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE);
        } finally {
            database.dsl().execute("drop trigger fail_the_load on " + failingTable);
        }

        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.err()).contains("database error", "injected failure");
        TABLES.forEach(table -> assertThat(database.count(table)).as(table).isZero());

        Cli.Result retried = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE);
        assertThat(retried.exitCode()).isZero();
        assertThat(database.count("warehouse.snapshot")).isEqualTo(1);
        assertThat(database.count("warehouse.agent_snapshot")).isEqualTo(1);
        assertThat(database.count("warehouse.queue_stats")).isEqualTo(1);
        assertThat(database.count("ingest.raw_payload")).isEqualTo(1);
    }
}
