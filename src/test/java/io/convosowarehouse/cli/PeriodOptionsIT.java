package io.convosowarehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Every command with a period takes it in the same three forms (a local date, a local date-time, an instant
 * with an offset), says on stderr which instants a local form meant, and refuses what it cannot mean.
 * The warehouse holds account "default" (America/Los_Angeles, one answer received 2025-06-02T17:51:50Z,
 * 10:51:50 there) and account "east" (America/New_York, nothing loaded).
 */
class PeriodOptionsIT {

    private static final String LOS_ANGELES_DAY = "[2025-06-02T07:00:00Z, 2025-06-03T07:00:00Z) in America/Los_Angeles";

    private static TestDatabase database;

    @BeforeAll
    static void loadOneAnswerAndASecondAccount() {
        database = TestDatabase.migrated("period_options");
        Cli.Result loaded = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z",
                "src/test/resources/fixtures/agent-monitor-search.example.json");
        assertThat(loaded.exitCode()).as(loaded.all()).isZero();
        database.dsl().execute("insert into warehouse.account (account_name, time_zone) values ('east', 'America/New_York')");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void exportRawTakesEachFormAndSaysWhatALocalOneMeant(@TempDir Path dir) throws IOException {
        Cli.Result localDate = export(dir, "--from", "2025-06-02", "--to", "2025-06-03", "--account", "default");
        assertThat(localDate.err()).isEqualTo("convoso-warehouse export-raw: --from 2025-06-02 --to 2025-06-03 mean "
                + LOS_ANGELES_DAY + " (default)\n");
        assertThat(exported(dir)).isEqualTo(1);

        Cli.Result localTime = export(dir, "--from", "2025-06-02T10:52", "--to", "2025-06-03", "--account", "default");
        assertThat(localTime.err()).contains("mean [2025-06-02T17:52:00Z, 2025-06-03T07:00:00Z) in America/Los_Angeles");
        assertThat(exported(dir)).as("received at 10:51:50 local time").isZero();

        Cli.Result utc = export(dir, "--from", "2025-06-02T17:51:00Z", "--to", "2025-06-02T17:52:00Z");
        assertThat(utc.err()).as("an instant needs no saying").isEmpty();
        assertThat(exported(dir)).isEqualTo(1);

        Cli.Result offset = export(dir, "--from", "2025-06-02T10:51:00-07:00", "--to", "2025-06-02T10:52:00-07:00");
        assertThat(offset.err()).isEmpty();
        assertThat(exported(dir)).isEqualTo(1);
    }

    @Test
    void aLocalTimeOverAccountsInDifferentTimeZonesAtOnceIsRefused(@TempDir Path dir) {
        for (String command : List.of("export-raw", "replay")) {
            Cli.Result refused = Cli.run(database.springProperties(), args(dir, command, "--from", "2025-06-02", "--to", "2025-06-03"));

            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
            assertThat(refused.err().lines()).as(command).singleElement().asString().isEqualTo("convoso-warehouse " + command
                    + ": --from 2025-06-02 --to 2025-06-03 are local times, and the accounts are in different time zones "
                    + "(default America/Los_Angeles, east America/New_York): give --account NAME, or instants with an offset "
                    + "such as 2025-05-28T07:00:00Z; nothing was done");
        }
    }

    @Test
    void replayAndRebuildDerivedSayWhatALocalPeriodMeant() {
        Cli.Result replay = Cli.run(database.springProperties(), "replay", "--from", "2025-06-02", "--to", "2025-06-03",
                "--account", "default");
        assertThat(replay.exitCode()).as(replay.all()).isZero();
        assertThat(replay.err()).isEqualTo("convoso-warehouse replay: --from 2025-06-02 --to 2025-06-03 mean " + LOS_ANGELES_DAY
                + " (default)\n");
        assertThat(replay.out()).contains("1 archived answer(s)");

        Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived", "--from", "2025-06-02", "--to", "2025-06-03");
        assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
        assertThat(rebuild.err()).isEqualTo("convoso-warehouse rebuild-derived: --from 2025-06-02 --to 2025-06-03 mean "
                + LOS_ANGELES_DAY + " (default)\n");
        assertThat(rebuild.out()).contains("rebuild-derived default from 2025-06-02T07:00:00Z to 2025-06-03T07:00:00Z: "
                + "1 snapshot(s) replayed in range");
    }

    @Test
    void aReportReadsALocalPeriodInEachAccountsOwnTimeZoneAndAnInstantForOneZone() {
        Cli.Result everyAccount = report("--from", "2025-06-02", "--to", "2025-06-03");
        assertThat(everyAccount.exitCode()).as(everyAccount.all()).isZero();
        assertThat(everyAccount.err()).isEqualTo("convoso-warehouse report: --from 2025-06-02 --to 2025-06-03 mean each account's "
                + "own local time: " + LOS_ANGELES_DAY + " (default); [2025-06-02T04:00:00Z, 2025-06-03T04:00:00Z) in "
                + "America/New_York (east)\n");

        Cli.Result local = report("--from", "2025-06-02", "--to", "2025-06-03", "--account", "default");
        Cli.Result instants = report("--from", "2025-06-02T07:00:00Z", "--to", "2025-06-03T07:00:00Z", "--account", "default");
        assertThat(instants.exitCode()).as(instants.all()).isZero();
        assertThat(csv(instants)).as("the same day given as instants").isEqualTo(csv(local));
        assertThat(csv(local).lines().count()).as(csv(local)).isGreaterThan(1);
        assertThat(instants.err()).isEmpty();

        Cli.Result ambiguous = report("--from", "2025-06-02T07:00:00Z", "--to", "2025-06-03T07:00:00Z");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err().lines()).singleElement().asString().isEqualTo("convoso-warehouse report: --from "
                + "2025-06-02T07:00:00Z is an instant, which is another local time in each of the accounts' time zones "
                + "(default America/Los_Angeles, east America/New_York): give --account NAME, or local dates, which mean each "
                + "account's own local time; nothing was done");
    }

    @Test
    void badPeriodsAreUsageErrorsOfOneLineForEveryCommand(@TempDir Path dir) {
        for (String command : List.of("report", "export-raw", "replay", "rebuild-derived")) {
            Cli.Result notADate = Cli.run(database.springProperties(), args(dir, command, "--from", "28/06/2025", "--to", "2025-06-03"));
            assertThat(notADate.exitCode()).as(notADate.all()).isEqualTo(2);
            assertThat(notADate.err().lines()).as(command).singleElement().asString()
                    .contains("'28/06/2025' is not a local date (2025-05-28), a local date-time (2025-05-28T09:00) or an instant "
                            + "with an offset");

            // backwards only once the local time is read in the account's zone: 2025-06-03 00:00 there is 07:00Z
            Cli.Result backwards = Cli.run(database.springProperties(), args(dir, command, "--from", "2025-06-03", "--to",
                    "2025-06-03T06:00:00Z", "--account", "default"));
            assertThat(backwards.exitCode()).as(backwards.all()).isEqualTo(2);
            assertThat(backwards.err().lines()).as(command).singleElement().asString()
                    .endsWith("--from 2025-06-03 must be before --to 2025-06-03T06:00:00Z; nothing was done");

            Cli.Result missing = Cli.run(database.springProperties(), args(dir, command, "--from", "2025-06-02"));
            assertThat(missing.exitCode()).as(missing.all()).isEqualTo(2);
            assertThat(missing.err().lines()).as(command).singleElement().asString().contains("--to");
        }
    }

    private static Cli.Result report(String... period) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "data_coverage", "--format", "csv"));
        args.addAll(List.of(period));
        return Cli.run(database.springProperties(), args.toArray(String[]::new));
    }

    private static String csv(Cli.Result report) {
        return report.out().substring(report.out().indexOf("account_name,"));
    }

    private static Cli.Result export(Path dir, String... period) {
        Cli.Result result = Cli.run(database.springProperties(), args(dir, "export-raw", period));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    private static String[] args(Path dir, String command, String... period) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        if (command.equals("report")) {
            args.add("data_coverage");
        }
        if (command.equals("export-raw")) {
            args.addAll(List.of("--out", dir.resolve("export.ndjson.gz").toString()));
        }
        args.addAll(List.of(period));
        return args.toArray(String[]::new);
    }

    private static long exported(Path dir) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve("export.ndjson.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
    }
}
