package io.convosowarehouse.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.derive.CraftedAnswers.Agent;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * calls_today restarts with the account's local day, whatever its value: an overnight agent whose counter reads
 * 1 before local midnight and 1 again after it has made two calls, not one. Both the load path and a rebuild,
 * which recomputes an open shift's calls from the stored snapshots, must say so.
 */
class CallsAcrossLocalMidnightIT {

    @TempDir
    static Path directory;
    private static TestDatabase database;
    private static Cli.Result load;

    @BeforeAll
    static void loadTheNight() throws IOException {
        database = TestDatabase.migrated("calls_across_local_midnight");
        // 23:50 to 00:20 Los Angeles time, polled every five minutes; one call before midnight and one after it
        Instant login = local("2025-06-10T23:50:00");
        CraftedAnswers answers = new CraftedAnswers();
        for (int minutes = 0; minutes <= 30; minutes += 5) {
            Instant at = login.plusSeconds(60L * minutes);
            int callsToday = at.isBefore(local("2025-06-10T23:55:00")) ? 0 : 1;
            answers.poll(at, List.of(new Agent(401, "READY", login, callsToday, 1234)));
        }
        load = Cli.run(database.springProperties(), "ingest", answers.write(directory.resolve("night.ndjson")).toString());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void theLoadCountsTheNewDaysValueAsCallsOfTheNewDay() {
        assertThat(load.exitCode()).as(load.all()).isZero();
        assertThat(callsHandled()).containsExactly(2);
    }

    @Test
    void aRebuildFromAfterMidnightCountsTheSame() {
        for (String from : new String[] {"2025-06-11T07:05:00Z", "2025-06-11T06:52:00Z", "2025-06-11T07:15:00Z"}) {
            Cli.Result rebuild = Cli.run(database.springProperties(), "rebuild-derived", "--from", from, "--to",
                    "2025-06-11T08:00:00Z");

            assertThat(rebuild.exitCode()).as(rebuild.all()).isZero();
            assertThat(callsHandled()).as("rebuilt from " + from).containsExactly(2);
        }
    }

    private static List<Integer> callsHandled() {
        return new ArrayList<>(database.dsl()
                .fetch("select calls_handled from warehouse.agent_shift where user_id = 401 order by login_at")
                .getValues(0, Integer.class));
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CraftedAnswers.ZONE).toInstant();
    }
}
