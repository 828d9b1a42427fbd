package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The settled aggregates were computed with the reporting definitions of their time: a release that changes one of
 * those definitions has every account settled anew, so no report mixes stored rows of the old rule with computed
 * rows of the new one.
 */
class SettledDefinitionsTest {

    @TempDir
    Path migrations;
    private TestDatabase database;

    @BeforeEach
    void settledDatabase() throws IOException {
        database = TestDatabase.migrated("settled_definitions");
        database.dsl().execute("insert into warehouse.account (account_name, time_zone) values ('acme', 'America/Los_Angeles')");
        database.dsl().execute("""
                insert into warehouse.settled_until (account_id, settled_until)
                select account_id, timestamptz '2025-05-28 12:00:00Z' from warehouse.account
                """);
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            for (Path file : files.toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"R__reporting_0_functions.sql", "R__reporting_1_agent_state_interval.sql",
            "R__reporting_2_agent_state_daily.sql", "R__reporting_2_agent_status_quarter_hour.sql"})
    void aChangedDefinitionUnsettlesEveryAccount(String definitions) throws IOException {
        Files.writeString(migrations.resolve(definitions), "\n-- a changed rule\n", StandardOpenOption.APPEND);

        migrate();

        assertThat(settledUntil()).as("settled anew from the first interval").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"R__reporting_1_campaign_counter_delta.sql", "R__settle_aggregates.sql"})
    void aDefinitionTheAggregatesDoNotUseLeavesThemSettled(String definitions) throws IOException {
        Files.writeString(migrations.resolve(definitions), "\n-- a changed rule\n", StandardOpenOption.APPEND);

        migrate();

        assertThat(settledUntil()).isEqualTo(OffsetDateTime.parse("2025-05-28T12:00:00Z"));
    }

    private void migrate() {
        PostgresServer server = PostgresServer.get();
        Flyway.configure()
                .dataSource(database.url(), server.user(), server.password())
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    /** NULL for -infinity. */
    private OffsetDateTime settledUntil() {
        return database.dsl().fetchSingle("select nullif(settled_until, '-infinity') from warehouse.settled_until")
                .get(0, OffsetDateTime.class);
    }
}
