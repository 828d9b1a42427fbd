package io.convosowarehouse.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The raw archive is the source of truth: replay rebuilds the warehouse from it after a parser fix,
 * idempotently, and export-raw carries it to another database exactly.
 */
class ReplayAndExportIT {

    private static final String RANGE_FROM = "2025-06-02T00:00:00Z";
    private static final String RANGE_TO = "2025-06-03T00:00:00Z";
    private static TestDatabase source;
    private static TestDatabase copy;
    private static Path answers;

    @BeforeAll
    static void loadThreeAnswersAndOneRefusal(@TempDir Path dir) throws IOException {
        source = TestDatabase.empty("replay_source");
        copy = TestDatabase.empty("replay_copy");
        String body = Fixtures.exampleAnswer().replaceAll("\\s*\\n\\s*", "");
        StringBuilder lines = new StringBuilder();
        for (int minute = 0; minute < 3; minute++) {
            lines.append("{\"received_at\":\"2025-06-02T17:5").append(minute + 1).append(":50Z\",\"scope\":\"account\",\"body\":")
                    .append(body.replace("2025-06-02 10:51:47", "2025-06-02 10:5" + (minute + 1) + ":47")).append("}\n");
        }
        lines.append("{\"received_at\":\"2025-06-02T17:55:00Z\",\"scope\":\"account\",\"body_text\":\"<html>502 Bad Gateway</html>\"}\n");
        answers = dir.resolve("answers.ndjson");
        Files.writeString(answers, lines, StandardCharsets.UTF_8);
        Cli.Result loaded = Cli.run(source.springProperties(), "ingest", answers.toString());
        assertThat(loaded.out()).contains("3 snapshot(s) loaded");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        source.close();
        copy.close();
    }

    @Test
    void replayRestoresWhatAnOlderParserGotWrongAndRunningItTwiceChangesNothing() {
        // what a buggy parser could have left: wrong counters, lost queue counters, no intervals
        source.dsl().execute("update warehouse.agent_snapshot set calls_today = -1");
        source.dsl().execute("delete from warehouse.queue_stats");
        source.dsl().execute("delete from warehouse.agent_state_interval");

        Cli.Result replay = Cli.run(source.springProperties(), "replay", "--from", RANGE_FROM, "--to", RANGE_TO);

        assertThat(replay.exitCode()).as(replay.all()).isZero();
        assertThat(replay.out()).contains("replay: 4/4 answers", "4 archived answer(s): 3 loaded, 1 refused, 0 duplicate(s)");
        List<String> afterFirst = state();
        assertThat(source.dsl().fetch("select distinct calls_today from warehouse.agent_snapshot").getValues(0, Integer.class))
                .containsExactly(123);
        assertThat(source.count("warehouse.queue_stats")).isEqualTo(3);
        assertThat(source.count("warehouse.snapshot")).isEqualTo(3);
        assertThat(source.count("ingest.raw_payload")).isEqualTo(4);
        assertThat(source.count("ingest.rejected_record")).isEqualTo(1);
        assertThat(source.count("warehouse.agent_state_interval")).as("derived facts rebuilt").isEqualTo(1);

        Cli.Result again = Cli.run(source.springProperties(), "replay", "--from", RANGE_FROM, "--to", RANGE_TO);
        assertThat(again.exitCode()).isZero();
        assertThat(state()).isEqualTo(afterFirst);
    }

    @Test
    void exportedArchiveLoadsIntoAnotherDatabaseExactly(@TempDir Path dir) {
        Path exported = dir.resolve("archive.ndjson.gz");
        Cli.Result export = Cli.run(source.springProperties(), "export-raw", "--from", RANGE_FROM, "--to", RANGE_TO,
                "--out", exported.toString());
        assertThat(export.out()).contains("4 answer(s) written");

        Cli.Result ingest = Cli.run(copy.springProperties(), "ingest", exported.toString());

        assertThat(ingest.exitCode()).as("the refused answer is refused again: partial").isEqualTo(5);
        String answersSql = """
                select r.received_at, r.scope_kind, r.payload_hash, r.body_bytes, r.outcome, s.observed_at, s.agent_count
                from ingest.raw_payload r left join warehouse.snapshot s using (snapshot_id) order by r.received_at""";
        assertThat(copy.dsl().fetch(answersSql).formatCSV()).isEqualTo(source.dsl().fetch(answersSql).formatCSV());
    }

    @Test
    void anExportOfSeveralAccountsLoadsEachAnswerIntoItsOwnAccountOrSaysWhyNot(@TempDir Path dir) throws Exception {
        Path exported = dir.resolve("two-accounts.ndjson");
        try (TestDatabase twoAccounts = TestDatabase.empty("export_two_accounts");
                TestDatabase eastOnly = TestDatabase.empty("import_east_only");
                TestDatabase both = TestDatabase.empty("import_both")) {
            assertThat(Cli.run(accounts(twoAccounts, "east", "west"), "ingest", "--account", "east", answers.toString()).out())
                    .contains("3 snapshot(s) loaded");
            assertThat(Cli.run(accounts(twoAccounts, "east", "west"), "ingest", "--account", "west", answers.toString()).out())
                    .contains("3 snapshot(s) loaded");
            assertThat(Cli.run(twoAccounts.springProperties(), "export-raw", "--from", RANGE_FROM, "--to", RANGE_TO,
                    "--out", exported.toString()).out()).contains("8 answer(s) written");

            Cli.Result intoEastOnly = Cli.run(accounts(eastOnly, "east"), "ingest", exported.toString());

            assertThat(intoEastOnly.exitCode()).as(intoEastOnly.all()).isEqualTo(5);
            assertThat(intoEastOnly.err()).contains("4 answer(s) of account 'west' not loaded: no account of that name is configured");
            assertThat(snapshotsPerAccount(eastOnly)).containsExactly("east 3");

            Cli.Result onlyWest = Cli.run(accounts(both, "east", "west"), "ingest", "--account", "west", exported.toString());

            assertThat(onlyWest.out()).contains("3 snapshot(s) loaded", "4 answer(s) of other accounts skipped");
            assertThat(snapshotsPerAccount(both)).containsExactly("west 3");

            Cli.Result everything = Cli.run(accounts(both, "east", "west"), "ingest", exported.toString());

            assertThat(everything.out()).contains("3 snapshot(s) loaded, 3 already loaded");
            assertThat(snapshotsPerAccount(both)).containsExactly("east 3", "west 3");
            assertThat(both.dsl().fetch(ANSWERS_PER_ACCOUNT).formatCSV()).isEqualTo(twoAccounts.dsl().fetch(ANSWERS_PER_ACCOUNT).formatCSV());
        }
    }

    @Test
    void rebuildDerivedRebuildsAnAccountTheWarehouseHasEvenWhenThisConfigurationDoesNotNameIt() throws Exception {
        // the demo's account, or one loaded under another configuration: the warnings of a late answer name
        // rebuild-derived, which must then not refuse the account
        try (TestDatabase warehouse = TestDatabase.empty("rebuild_unconfigured")) {
            Cli.run(accounts(warehouse, "east"), "ingest", answers.toString());
            warehouse.dsl().execute("delete from warehouse.agent_state_interval");

            Cli.Result rebuild = Cli.run(warehouse.springProperties(), "rebuild-derived", "--from", RANGE_FROM, "--to",
                    RANGE_TO, "--account", "east");

            assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
            assertThat(rebuild.out()).contains("rebuild-derived east from", "3 snapshot(s) replayed in range");
            assertThat(warehouse.count("warehouse.agent_state_interval")).isEqualTo(1);
            assertThat(warehouse.dsl().fetchValue("select time_zone from warehouse.account where account_name = 'east'"))
                    .as("the account keeps the time zone it was loaded with").isEqualTo("America/Los_Angeles");

            Cli.Result unknown = Cli.run(warehouse.springProperties(), "rebuild-derived", "--from", RANGE_FROM, "--to",
                    RANGE_TO, "--account", "nosuch");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("no account named 'nosuch'");
        }
    }

    private static final String ANSWERS_PER_ACCOUNT = """
            select a.account_name, r.received_at, r.payload_hash, r.outcome, s.observed_at
            from ingest.raw_payload r
            join warehouse.account a using (account_id)
            left join warehouse.snapshot s using (snapshot_id)
            order by 1, 2""";

    /** The database's settings with these accounts configured. */
    private static java.util.Map<String, String> accounts(TestDatabase database, String... names) {
        java.util.Map<String, String> settings = new java.util.HashMap<>(database.springProperties());
        for (int i = 0; i < names.length; i++) {
            settings.put("convoso.accounts[" + i + "].name", names[i]);
        }
        return settings;
    }

    private static List<String> snapshotsPerAccount(TestDatabase database) {
        return database.dsl().fetch("""
                select a.account_name || ' ' || count(*) from warehouse.snapshot s join warehouse.account a using (account_id)
                group by a.account_name order by 1""").getValues(0, String.class);
    }

    @Test
    void anExportThatFailsMidwayLeavesThePreviousExportAsItWas(@TempDir Path dir) throws IOException {
        Path exported = dir.resolve("archive.ndjson.gz");
        byte[] previous = "last week's export".getBytes(StandardCharsets.UTF_8);
        Files.write(exported, previous);
        // an archived answer that cannot be decompressed, after the good ones and outside the other tests' range
        source.dsl().execute("""
                insert into ingest.raw_payload (received_at, account_id, scope_kind, body_bytes, body_gzip, payload_hash, outcome)
                select '2025-06-04T00:00:00Z', account_id, 'account', 3, 'bad'::bytea, '\\x00'::bytea, 'rejected'
                from warehouse.account""");
        try {
            Cli.Result failed = Cli.run(source.springProperties(), "export-raw", "--from", RANGE_FROM,
                    "--to", "2025-06-05T00:00:00Z", "--out", exported.toString());

            // neither the database's fault nor the user's: the exit code must not send the operator to either
            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
            assertThat(failed.err()).contains("unexpected failure: ZipException");
            assertThat(Files.readAllBytes(exported)).isEqualTo(previous);
            assertThat(dir.toFile().list()).as("nothing half-written left behind").containsExactly("archive.ndjson.gz");
        } finally {
            source.dsl().execute("delete from ingest.raw_payload where received_at = '2025-06-04T00:00:00Z'");
        }
    }

    /** Everything replay may touch, as text, minus generated ids. */
    private static List<String> state() {
        return source.dsl().fetch("""
                select 'snapshot', s.observed_at::text || s.agent_count || s.rejected_count from warehouse.snapshot s
                union all select 'agent', a.user_id || ' ' || a.observed_at || ' ' || a.calls_today from warehouse.agent_snapshot a
                union all select 'queue', q.observed_at::text || q.queue_calls_today from warehouse.queue_stats q
                union all select 'interval', i.user_id || ' ' || i.started_at || ' ' || coalesce(i.ended_at::text, 'open')
                    from warehouse.agent_state_interval i
                union all select 'raw', r.received_at || ' ' || r.outcome from ingest.raw_payload r
                union all select 'rejected', j.json_path || ' ' || j.reason from ingest.rejected_record j
                order by 1, 2""").map(r -> r.get(0, String.class) + " " + r.get(1, String.class));
    }
}
