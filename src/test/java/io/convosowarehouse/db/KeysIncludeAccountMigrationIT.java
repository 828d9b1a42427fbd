package io.convosowarehouse.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * A warehouse loaded before the keys included account_id moves to the new keys with every row, and loads on
 * after it as before: the same answer again adds nothing.
 *
 * <p>The code of the release that ran on schema 15 is gone, and today's code cannot load into schema 15 (its
 * repeatable migrations and derivation use later tables). So the rows are loaded by today's code into a current
 * warehouse and copied, column by column, into a warehouse migrated to version 15: the tables V17 re-keys have the
 * same columns in both.
 */
class KeysIncludeAccountMigrationIT {

    private static final String EXAMPLE = Path.of("src/test/resources/fixtures/agent-monitor-search.example.json").toString();
    private static final List<String> TABLES = List.of("warehouse.snapshot", "warehouse.agent_snapshot",
            "warehouse.campaign_stats", "warehouse.queue_stats", "ingest.raw_payload", "ingest.rejected_record");
    private static TestDatabase database;
    private static Map<String, Long> rowsBefore;

    @BeforeAll
    static void loadBeforeTheNewKeysThenMigrate(@TempDir Path dir) throws Exception {
        try (TestDatabase loaded = TestDatabase.empty("keys_include_account_loaded")) {
            assertThat(Cli.run(loaded.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE).exitCode())
                    .isZero();
            Path notAnAnswer = Files.writeString(dir.resolve("not-an-answer.json"), "<html>maintenance</html>");
            Cli.run(loaded.springProperties(), "ingest", "--received-at", "2025-06-02T17:52:50Z", notAnAnswer.toString());

            database = TestDatabase.empty("keys_include_account");
            flyway().target("15").repeatableSqlMigrationPrefix("none_at_version_15__").load().migrate();
            copyRows(loaded.url(), database.url());
        }
        rowsBefore = counts();
        assertThat(rowsBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());

        flyway().load().migrate();
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
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(counts()).isEqualTo(rowsBefore);
    }

    private static FluentConfiguration flyway() {
        PostgresServer server = PostgresServer.get();
        return Flyway.configure().dataSource(database.url(), server.user(), server.password())
                .locations("filesystem:db/migration");
    }

    /**
     * Copies every row of the warehouse and ingest tables of schema 15 from {@code fromUrl}, with the partitions
     * they need and their identity sequences moved on, as the loader would have left them.
     */
    private static void copyRows(String fromUrl, String toUrl) throws Exception {
        PostgresServer server = PostgresServer.get();
        try (Connection from = DriverManager.getConnection(fromUrl, server.user(), server.password());
                Connection to = DriverManager.getConnection(toUrl, server.user(), server.password())) {
            try (var partitions = from.createStatement().executeQuery("""
                    select format('create table if not exists %s partition of %s %s',
                                  c.oid::regclass, i.inhparent::regclass, pg_get_expr(c.relpartbound, c.oid))
                    from pg_class as c
                    inner join pg_inherits as i on i.inhrelid = c.oid
                    where c.relnamespace::regnamespace::text in ('warehouse', 'ingest')
                      and c.relkind in ('r', 'p')
                    """)) {
                while (partitions.next()) {
                    to.createStatement().execute(partitions.getString(1));
                }
            }
            // the rows arrive table by table, not in foreign-key order
            to.createStatement().execute("set session_replication_role = replica");
            List<String> tables = new ArrayList<>();
            try (var rows = to.createStatement().executeQuery("""
                    select c.oid::regclass::text
                    from pg_class as c
                    where c.relnamespace::regnamespace::text in ('warehouse', 'ingest')
                      and c.relkind in ('r', 'p')
                      and not c.relispartition
                    """)) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String columns = columnsOf(to, table);
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                from.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy (select " + columns + " from " + table + ") to stdout (format binary)", data);
                to.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " (" + columns + ") from stdin (format binary)",
                                new ByteArrayInputStream(data.toByteArray()));
            }
            to.createStatement().execute("""
                    select setval(pg_get_serial_sequence(format('%I.%I', a.table_schema, a.table_name), a.column_name),
                                  (xpath('/row/m/text()', query_to_xml(format('select coalesce(max(%I), 0) + 1 as m from %I.%I',
                                      a.column_name, a.table_schema, a.table_name), false, true, '')))[1]::text::bigint, false)
                    from information_schema.columns as a
                    where a.table_schema in ('warehouse', 'ingest')
                      and a.is_identity = 'YES'
                    """);
        }
    }

    private static String columnsOf(Connection connection, String table) throws Exception {
        try (var statement = connection.prepareStatement("""
                select string_agg(quote_ident(a.attname), ', ' order by a.attnum)
                from pg_attribute as a
                where a.attrelid = cast(? as regclass)
                  and a.attnum > 0
                  and not a.attisdropped
                  and a.attgenerated = ''
                """)) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table, database::count));
    }
}
