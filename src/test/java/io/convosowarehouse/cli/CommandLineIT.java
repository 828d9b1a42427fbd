package io.convosowarehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/** What a user typing commands sees: usage errors, exit codes, and the envelope files ingest reads. */
class CommandLineIT {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.empty("command_line");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void migrateBuildsTheSchemaAndSaysItsVersion() {
        Cli.Result result = Cli.run(database.springProperties(), "migrate");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("schema is at version \\d+");
        assertThat(database.count("batch.batch_job_instance")).isZero();
    }

    @Test
    void usageErrorsExitWith2AndSayWhatToDo() {
        assertThat(Cli.run(Map.of()).exitCode()).isEqualTo(2);
        Cli.Result unknown = Cli.run(Map.of(), "pol");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument", "--help");
        Cli.Result badInstant = Cli.run(Map.of(), "poll", "--scheduled-at", "yesterday");
        assertThat(badInstant.exitCode()).isEqualTo(2);
        assertThat(badInstant.err()).contains("not an ISO-8601 instant");
        Cli.Result missing = Cli.run(database.springProperties(), "ingest", "no/such/file.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file: no/such/file.json; nothing was loaded");
        Cli.Result badScope = Cli.run(database.springProperties(), "ingest", "--scope", "team:7", "pom.xml");
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("scope must be account, campaign:ID");
        Cli.Result badZone = Cli.run(Cli.merge(database.springProperties(), Map.of("convoso.time-zone", "Mars/Olympus")),
                "ingest", "pom.xml");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(badZone.err()).contains("configuration error").contains("convoso");
        Cli.Result missingSecrets = Cli.run(Cli.merge(database.springProperties(),
                Map.of("spring.config.import", "configtree:/no/such/secrets/")), "ingest", "pom.xml");
        assertThat(missingSecrets.exitCode()).isEqualTo(2);
        assertThat(missingSecrets.err()).contains("configuration error", "/no/such/secrets/");
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : java.util.List.of("migrate", "poll", "ingest", "report", "rebuild-derived", "replay", "export-raw",
                "simulate", "demo")) {
            Cli.Result help = Cli.run(Map.of(), command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: convoso-warehouse " + command);
        }
    }

    @Test
    void everyCommandSaysItsVersion() {
        for (String command : java.util.List.of("migrate", "poll", "ingest", "report", "rebuild-derived", "replay", "export-raw",
                "simulate", "demo")) {
            for (String option : java.util.List.of("-V", "--version")) {
                Cli.Result version = Cli.run(Map.of(), command, option);
                assertThat(version.exitCode()).as(command + " " + option).isZero();
                assertThat(version.out()).as(command + " " + option).startsWith("convoso-warehouse 0.1.0");
            }
        }
    }

    @Test
    void aUsageErrorNamesTheCommandAndPointsToItsOwnHelp() {
        Cli.Result unknownOption = Cli.run(Map.of(), "poll", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err().lines()).singleElement().asString()
                .startsWith("convoso-warehouse poll: Unknown option: '--bogus'").endsWith("(see 'convoso-warehouse poll --help')");

        Cli.Result missing = Cli.run(Map.of(), "replay", "--to", "2025-05-29T00:00:00Z");
        assertThat(missing.err()).contains("--from").endsWith("(see 'convoso-warehouse replay --help')" + System.lineSeparator());

        Cli.Result noCommand = Cli.run(Map.of());
        assertThat(noCommand.err()).contains("a command is required (see 'convoso-warehouse --help')");

        Cli.Result notKeyValue = Cli.run(Map.of(), "report", "shift_summary", "--param", "pause_over_sec");
        assertThat(notKeyValue.exitCode()).isEqualTo(2);
        assertThat(notKeyValue.err()).startsWith("convoso-warehouse report: ").contains("option '--param'")
                .doesNotContain("option option");
    }

    @Test
    void theCommandListSummarizesEachCommandInAWholeSentence() {
        String help = Cli.run(Map.of(), "--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        // an entry is its name at the start of a line, its summary wrapped onto the indented lines below
        java.util.List<String> entries = java.util.Arrays.stream(commands.split("\\R(?=  [a-z])")).skip(1)
                .map(entry -> entry.strip().replaceAll("\\s+", " ")).toList();
        assertThat(entries).hasSize(9).allSatisfy(entry -> assertThat(entry).endsWith("."));
    }

    @Test
    void badPathsAccountsAndUrlsAreUsageErrorsThatNeverShowTheToken() {
        Cli.Result unwritable = Cli.run(database.springProperties(), "export-raw", "--from", "2025-01-01T00:00:00Z",
                "--to", "2025-01-02T00:00:00Z", "--out", "/no/such/dir/archive.ndjson.gz");
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).contains("cannot use the file /no/such/dir/archive.ndjson.gz");

        Cli.Result unknownAccount = Cli.run(database.springProperties(), "report", "shift_summary", "--from", "2025-05-28",
                "--to", "2025-05-29", "--account", "nobody");
        assertThat(unknownAccount.exitCode()).isEqualTo(2);
        assertThat(unknownAccount.err()).contains("no account named 'nobody'");

        Cli.Result badUrl = Cli.run(Cli.merge(database.springProperties(), Map.of("convoso.base-url", "https:/api.convoso.com",
                "convoso.auth-token", "tk_live_secret_0123456789")), "poll");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("must be an http(s) URL with a host");
        assertThat(badUrl.all()).doesNotContain("tk_live_secret_0123456789");
    }

    @Test
    void aCommandThatCannotStartPrintsOneLineAndNothingOnStdoutTheStackTraceOnlyWithDebug() {
        String[] report = {"report", "shift_summary", "--from", "2025-05-28", "--to", "2025-05-29", "--format", "csv"};
        Map<String, String> badZone = Cli.merge(database.springProperties(), Map.of("convoso.time-zone", "Bogus/Zone"));
        Map<String, String> noDatabase = Cli.merge(database.springProperties(), Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere", "spring.datasource.hikari.connection-timeout", "1000"));

        for (Map.Entry<Map<String, String>, Integer> failure : Map.of(badZone, 2, noDatabase, 4).entrySet()) {
            Cli.Result result = Cli.run(failure.getKey(), report);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(failure.getValue());
            assertThat(result.err().lines()).as(result.all()).singleElement().asString()
                    .startsWith("convoso-warehouse report: " + (failure.getValue() == 2 ? "configuration error: " : "database error: "));
            // stdout is the report's CSV: a failure that leaves none leaves nothing there, no log line nor trace
            assertThat(result.out()).isEmpty();
        }

        Cli.Result debug = Cli.run(badZone, "poll", "--debug");
        assertThat(debug.exitCode()).isEqualTo(2);
        assertThat(debug.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("convoso-warehouse poll: configuration error: ").contains("Bogus/Zone"));
        assertThat(debug.err()).contains("Unknown time-zone ID: Bogus/Zone", "\tat ");
    }

    @Test
    void aDatabaseFailureDuringAReportLeavesNothingOnStdoutAndOneLineOnStderr() throws Exception {
        try (TestDatabase warehouse = TestDatabase.migrated("command_line_report_fails");
                Connection locker = DriverManager.getConnection(warehouse.url(), PostgresServer.get().user(),
                        PostgresServer.get().password())) {
            // the report's query waits for this lock, and its connection is ended while it waits
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table warehouse.agent_shift in access exclusive mode");
            String waiting = "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'";
            warehouse.dsl().fetch(waiting); // jOOQ's first use logs its banner: before the command's output is captured
            CompletableFuture<Cli.Result> report = CompletableFuture.supplyAsync(() -> Cli.run(warehouse.springProperties(),
                    "report", "shift_summary", "--from", "2025-05-28", "--to", "2025-05-29", "--format", "csv"));
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                while (warehouse.dsl().fetch(waiting).isEmpty()) {
                    Thread.sleep(50);
                }
            }, "the report's query reaches the locked table");
            warehouse.dsl().execute("select pg_terminate_backend(pid) from (" + waiting + ") as waiting");
            locker.rollback();
            Cli.Result result = report.get(2, TimeUnit.MINUTES);

            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            assertThat(result.err().lines()).as(result.all()).singleElement().asString()
                    .startsWith("convoso-warehouse report: database error: ");
            // stdout is where the CSV goes: the pool's warning and its trace must not land in the file
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void aReportRangeThatIsEmptyOrBackwardsIsRefusedLikeTheOtherCommands() {
        for (String[] range : new String[][] {{"2025-05-29", "2025-05-28"}, {"2025-05-28", "2025-05-28"},
                {"2025-05-28T10:00", "2025-05-28"}}) {
            Cli.Result result = Cli.run(database.springProperties(), "report", "shift_summary", "--from", range[0], "--to", range[1]);
            assertThat(result.exitCode()).as(String.join(" to ", range)).isEqualTo(2);
            assertThat(result.err()).contains("--from " + range[0] + " must be before --to " + range[1]);
        }
        Cli.Result asParams = Cli.run(database.springProperties(), "report", "shift_summary", "--param", "from=2025-05-29",
                "--param", "to=2025-05-28");
        assertThat(asParams.exitCode()).isEqualTo(2);
        assertThat(asParams.err()).contains("must be before");
    }

    @Test
    void anUnknownAccountIsRefusedByReplayAndExportAndTheLastExportIsKept(@TempDir Path dir) throws IOException {
        Path export = dir.resolve("all.ndjson.gz");
        byte[] previous = "the export of last week".getBytes(StandardCharsets.UTF_8);
        Files.write(export, previous);

        Cli.Result exported = Cli.run(database.springProperties(), "export-raw", "--from", "2025-01-01T00:00:00Z",
                "--to", "2025-12-31T00:00:00Z", "--out", export.toString(), "--account", "nosuch");
        assertThat(exported.exitCode()).isEqualTo(2);
        assertThat(exported.err()).contains("no account named 'nosuch'");
        assertThat(Files.readAllBytes(export)).isEqualTo(previous);
        assertThat(dir.toFile().list()).containsExactly("all.ndjson.gz");

        Cli.Result replayed = Cli.run(database.springProperties(), "replay", "--from", "2025-01-01T00:00:00Z",
                "--to", "2025-12-31T00:00:00Z", "--account", "nosuch");
        assertThat(replayed.exitCode()).isEqualTo(2);
        assertThat(replayed.err()).contains("no account named 'nosuch'");
    }

    @Test
    void aDatabaseThatRefusesTheLoginOrIsMissingSaysSoAndNotToMigrate() throws Exception {
        Cli.Result noRole = Cli.run(Cli.merge(database.springProperties(), Map.of("spring.datasource.username", "cw_no_such_role")),
                "migrate");
        assertThat(noRole.exitCode()).isEqualTo(4);
        assertThat(noRole.err()).contains("role \"cw_no_such_role\" does not exist", "SPRING_DATASOURCE_USERNAME")
                .doesNotContain("migrate' first");

        Cli.Result noDatabase = Cli.run(Cli.merge(database.springProperties(),
                Map.of("spring.datasource.url", database.url() + "_missing")), "migrate");
        assertThat(noDatabase.exitCode()).isEqualTo(4);
        assertThat(noDatabase.err()).contains("_missing\" does not exist", "SPRING_DATASOURCE_URL")
                .doesNotContain("migrate' first");

        try (TestDatabase unmigrated = TestDatabase.empty("command_line_unmigrated")) {
            Cli.Result notMigrated = Cli.run(Cli.merge(unmigrated.springProperties(), Map.of("spring.flyway.enabled", "false")),
                    "report", "shift_summary", "--from", "2025-05-28", "--to", "2025-05-29");
            assertThat(notMigrated.exitCode()).isEqualTo(4);
            assertThat(notMigrated.err()).contains("run 'migrate' first");
        }
    }

    @Test
    void aSimulatorPortInUseIsAUsageErrorThatNamesThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result result = Cli.run(Map.of(), "simulate", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("port " + taken.getLocalPort() + " is already in use")
                    .doesNotContain("unexpected failure");
        }
    }

    @Test
    void aCountOrIntervalThatIsNotPositiveIsRefusedNamingTheOption() {
        for (String[] args : new String[][] {{"poll", "--samples", "0"}, {"poll", "--every", "0s"}, {"poll", "--every", "-15s"},
                {"demo", "--poll-every", "PT0S"}, {"demo", "--poll-every", "-PT1M"}, {"demo", "--hours", "0"}, {"demo", "--agents", "-1"}}) {
            Cli.Result result = Cli.run(Map.of(), args);

            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("convoso-warehouse " + args[0] + ": " + args[1] + " must be");
        }
    }

    @Test
    void simulateRefusesRatesOutsideZeroToOneAndOtherNonsenseBeforeListening() {
        for (String[] option : new String[][] {{"--fail-rate", "2"}, {"--throttle-rate", "-0.1"}, {"--malformed-rate", "NaN"},
                {"--error-body-rate", "1.5"}, {"--latency-ms", "-5"}, {"--speed", "0"}, {"--agents", "0"}, {"--port", "70000"}}) {
            // a value taken would start the simulator, which serves until stopped: give up rather than hang
            Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> Cli.run(Map.of(), option[0].equals("--port") ? new String[] {"simulate", option[0], option[1]}
                            : new String[] {"simulate", "--port", "0", option[0], option[1]}), String.join(" ", option));

            assertThat(result.exitCode()).as(String.join(" ", option)).isEqualTo(2);
            assertThat(result.err().lines()).as(String.join(" ", option)).singleElement().asString()
                    .startsWith("convoso-warehouse simulate: " + option[0] + " must be").contains(option[1]);
            assertThat(result.out()).as(String.join(" ", option)).doesNotContain("simulator");
        }
    }

    @Test
    void ingestSaysWhatIsWrongWithAFileThatCannotBeRead(@TempDir Path dir) throws IOException {
        Cli.Result directory = Cli.run(database.springProperties(), "ingest", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains(dir + " is a directory").doesNotContain("no such file");

        Path notGzip = dir.resolve("answers.ndjson.gz");
        Files.writeString(notGzip, "{\"received_at\":\"2025-06-02T17:51:50Z\",\"scope\":\"account\",\"body\":{}}\n");
        Cli.Result plain = Cli.run(database.springProperties(), "ingest", notGzip.toString());
        assertThat(plain.exitCode()).as("a file that cannot be read is a usage error, as documented").isEqualTo(2);
        assertThat(plain.err()).contains("answers.ndjson.gz", "not gzip");
    }

    @Test
    void accountHelpSaysWhatEachCommandDoesWithoutIt() {
        assertThat(help("migrate")).doesNotContain("--account");
        assertThat(help("ingest")).contains("each envelope into the account it names").doesNotContain("every configured account");
        assertThat(help("poll")).contains("every configured account");
        for (String command : java.util.List.of("report", "replay", "export-raw")) {
            assertThat(help(command)).as(command).contains("every account in the warehouse");
        }
    }

    /** A command's help as one line, so wrapping does not matter. */
    private static String help(String command) {
        return Cli.run(Map.of(), command, "--help").out().replaceAll("\\s+", " ");
    }

    @Test
    void helpListsTheCommandsAndEveryExitCode() {
        Cli.Result help = Cli.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("migrate", "poll", "ingest", "simulate", "demo", "Exit codes")
                .containsPattern("1 +unexpected failure of no known kind")
                .containsPattern("5 +partial success").containsPattern("143 +stopped by SIGTERM");
        for (String command : java.util.List.of("", "poll", "report")) {
            String text = command.isEmpty() ? help.out() : Cli.run(Map.of(), command, "--help").out();
            for (ExitCode exitCode : ExitCode.values()) {
                assertThat(text).as(command + " --help").containsPattern("(?m)^ +" + exitCode.code() + " +" + exitCode.meaning() + "$");
            }
        }
    }

    @Test
    void ndjsonEnvelopesLoadEachAnswerAndABadLineFailsOnlyItself(@TempDir Path dir) throws IOException {
        String body = Fixtures.exampleAnswer().replaceAll("\\s*\\n\\s*", "");
        String second = body.replace("2025-06-02 10:51:47", "2025-06-02 10:52:47");
        Path file = dir.resolve("answers.ndjson.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("{\"received_at\":\"2025-06-02T17:51:50Z\",\"scope\":\"account\",\"body\":" + body + "}\n"
                    + "{\"received_at\":\"2025-06-02T17:52:50Z\",\"scope\":\"campaign:1234\",\"body\":" + second + "}\n"
                    + "{\"received_at\":\"not a time\",\"scope\":\"account\",\"body\":{}}\n").getBytes(StandardCharsets.UTF_8));
        }

        Cli.Result result = Cli.run(database.springProperties(), "ingest", file.toString());

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).contains("2 snapshot(s) loaded");
        assertThat(result.err()).contains("answers.ndjson.gz line 3: received_at must be an ISO-8601 instant");
        assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id || ' ' || to_char(observed_at at time zone 'UTC', 'HH24:MI:SS') "
                + "from warehouse.snapshot order by observed_at").getValues(0, String.class))
                .containsExactly("account: 17:51:47", "campaign:1234 17:52:47");
        assertThat(database.dsl().fetchValue("select count(*) from ingest.raw_payload where body_bytes = {0}",
                org.jooq.impl.DSL.val(body.getBytes(StandardCharsets.UTF_8).length))).as("bodies archived byte for byte").isEqualTo(2L);
    }
}
