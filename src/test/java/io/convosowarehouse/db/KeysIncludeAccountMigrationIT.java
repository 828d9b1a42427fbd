package io.convosowarehouse.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * A warehouse loaded before the keys included account_id moves to the new keys with every row, and loads on
 * after it as before: the same answer again adds nothing.
 */
class KeysIncludeAccountMigrationIT {

    private static final String EXAMPLE = Path.of("src/test/resources/fixtures/agent-monitor-search.example.json").toString();
    private static final List<String> TABLES = List.of("warehouse.snapshot", "warehouse.agent_snapshot",
            "warehouse.campaign_stats", "warehouse.queue_stats", "ingest.raw_payload", "ingest.rejected_record");
    private static TestDatabase database;
    private static Map<String, Long> rowsBefore;

    @BeforeAll
    static void loadBeforeTheNewKeysThenMigrate(@TempDir Path dir) throws Exception {
        database = TestDatabase.empty("keys_include_account");
        Map<String, String> beforeTheNewKeys = Cli.merge(database.springProperties(), Map.of("spring.flyway.target", "15"));
        assertThat(Cli.run(beforeTheNewKeys, "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE).exitCode()).isZero();
        Path notAnAnswer = Files.writeString(dir.resolve("not-an-answer.json"), "<html>maintenance</html>");
        Cli.run(beforeTheNewKeys, "ingest", "--received-at", "2025-06-02T17:52:50Z", notAnAnswer.toString());
        rowsBefore = counts();
        assertThat(rowsBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        PostgresServer server = PostgresServer.get();
        Flyway.configure().dataSource(database.url(), server.user(), server.password())
                .locations("filesystem:db/migration").load().migrate();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyRowIsKept() {
        assertThat(counts()).isEqualTo(rowsBefore);
    }

    @Test
    void everyKeyOfTheseTablesIncludesAccountId() {
        assertThat(database.dsl().fetch("""
                select c.conrelid::regclass::text as table_name
                from pg_constraint c
                where c.contype in ('p', 'u')
                  and c.conrelid = any (array['warehouse.snapshot', 'warehouse.agent_snapshot', 'warehouse.campaign_stats',
                                              'warehouse.queue_stats', 'ingest.raw_payload', 'ingest.rejected_record']::regclass[])
                  and not exists (select from pg_attribute a
                                  where a.attrelid = c.conrelid and a.attnum = any (c.conkey) and a.attname = 'account_id')
                """).getValues("table_name")).isEmpty();
    }

    @Test
    void theSameAnswerLoadedAgainAddsNothing() {
        Cli.Result again = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE);
        assertThat(again.exitCode()).isZero();
        assertThat(counts()).isEqualTo(rowsBefore);
    }

    private static Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table, database::count));
    }
}
