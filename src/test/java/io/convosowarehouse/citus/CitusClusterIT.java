package io.convosowarehouse.citus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The warehouse on a Citus cluster gives the same bytes as on plain PostgreSQL: the same simulated shift polled into
 * both, every report, then rebuild-derived and replay, and last plain PostgreSQL's export ingested into a fresh
 * cluster warehouse, each step's reports compared. Runs when CW_CITUS_JDBC_URL
 * names a database on a Citus coordinator whose workers are registered (docs/scale.md); that database is emptied
 * first. Nothing unsafe is switched on: no citus.allow_nested_distributed_execution, no unsafe triggers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitusClusterIT {

    private static final String CITUS_URL = System.getenv("CW_CITUS_JDBC_URL");
    private static final String WHOLE_RANGE_FROM = "2000-01-01T00:00:00Z";
    private static final String WHOLE_RANGE_TO = "2100-01-01T00:00:00Z";
    private static TestDatabase plain;
    private static Map<String, String> citus;

    @BeforeAll
    static void migrateDistributeAndPollBoth() throws Exception {
        assumeTrue(CITUS_URL != null, "CW_CITUS_JDBC_URL is not set: the Citus cluster profile is skipped (docs/scale.md)");
        citus = Map.of("spring.datasource.url", CITUS_URL, "spring.datasource.username", "postgres");
        migrateAndDistributeAnew();
        plain = TestDatabase.empty("citus_plain_twin");
        for (Map<String, String> warehouse : List.of(plain.springProperties(), citus)) {
            Cli.Result demo = Cli.run(warehouse, "demo", "--agents=20", "--hours=1");
            assertThat(demo.exitCode()).as(demo.all()).isZero();
        }
    }

    /** Empties the coordinator's database, migrates it and runs db/citus/distribute.sql, as docs/scale.md says. */
    private static void migrateAndDistributeAnew() throws Exception {
        try (Connection coordinator = DriverManager.getConnection(CITUS_URL, "postgres", "")) {
            coordinator.createStatement().execute(
                    "drop schema if exists warehouse, ingest, reporting, batch cascade; drop table if exists public.flyway_schema_history");
            Cli.Result migrated = Cli.run(citus, "migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();
            coordinator.createStatement().execute(Files.readString(Path.of("db/citus/distribute.sql")));
        }
    }

    @AfterAll
    static void dropPlain() throws Exception {
        if (plain != null) {
            plain.close();
        }
    }

    @Test
    @Order(1)
    void everyReportGivesTheSameBytesAfterEachStep() {
        assertThat(reports(citus)).isEqualTo(reports(plain.springProperties()));

        for (Map<String, String> warehouse : List.of(plain.springProperties(), citus)) {
            Cli.Result rebuilt = Cli.run(warehouse, "rebuild-derived", "--account=demo",
                    "--from=" + WHOLE_RANGE_FROM, "--to=" + WHOLE_RANGE_TO);
            assertThat(rebuilt.exitCode()).as(rebuilt.all()).isZero();
        }
        assertThat(reports(citus)).as("after rebuild-derived").isEqualTo(reports(plain.springProperties()));

        for (Map<String, String> warehouse : List.of(plain.springProperties(), citus)) {
            Cli.Result replayed = Cli.run(warehouse, "replay", "--account=demo",
                    "--from=" + WHOLE_RANGE_FROM, "--to=" + WHOLE_RANGE_TO);
            assertThat(replayed.exitCode()).as(replayed.all()).isZero();
        }
        assertThat(reports(citus)).as("after replay").isEqualTo(reports(plain.springProperties()));
    }

    /** Runs last: it replaces the cluster's warehouse with one loaded from plain PostgreSQL's export. */
    @Test
    @Order(2)
    void anExportIngestedIntoAFreshClusterGivesTheSameReports(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("demo.ndjson.gz");
        Cli.Result exported = Cli.run(plain.springProperties(), "export-raw", "--from=" + WHOLE_RANGE_FROM,
                "--to=" + WHOLE_RANGE_TO, "--out=" + export);
        assertThat(exported.exitCode()).as(exported.all()).isZero();

        migrateAndDistributeAnew();
        // a fresh warehouse loads only configured accounts: the demo's, in the demo's zone
        Map<String, String> demoAccount = new java.util.HashMap<>(citus);
        demoAccount.put("convoso.accounts[0].name", "demo");
        demoAccount.put("convoso.time-zone", "America/Los_Angeles");
        Cli.Result ingested = Cli.run(demoAccount, "ingest", export.toString());
        assertThat(ingested.exitCode()).as(ingested.all()).isZero();

        assertThat(reports(citus)).as("ingested export").isEqualTo(reports(plain.springProperties()));
    }

    /** Each report of sql-reports/ over the simulated day, as CSV, by report name. */
    private static Map<String, String> reports(Map<String, String> warehouse) {
        Map<String, String> output = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("sql-reports"))) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted()
                    .map(name -> name.substring(0, name.length() - ".sql".length()))
                    .forEach(report -> {
                        Cli.Result result = Cli.run(warehouse, "report", report, "--from=2025-05-28", "--to=2025-05-29",
                                "--format=csv");
                        output.put(report, result.exitCode() == 0 ? result.out() : "exit " + result.exitCode() + ": " + result.err());
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return output;
    }
}
