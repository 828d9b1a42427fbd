package io.convosowarehouse.report;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/** Runs a report file with the real psql, as an analyst would, against a test database. */
final class Psql {

    private Psql() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a psql run printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
    }

    /** psql -X --csv -v ON_ERROR_STOP=1 -v name=value ... -f sql-reports/NAME.sql; its stdout. */
    static String csv(TestDatabase database, String report, String... variables) throws IOException, InterruptedException {
        Result result = run(database, report, variables);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("psql failed for " + report + ": " + result.err());
        }
        return result.out();
    }

    /** psql -X --csv -v ON_ERROR_STOP=1 -v name=value ... -f sql-reports/NAME.sql, however it ends. */
    static Result run(TestDatabase database, String report, String... variables) throws IOException, InterruptedException {
        URI uri = URI.create(database.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("psql", "-X", "--csv", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U", PostgresServer.get().user(), "-d", uri.getPath().substring(1)));
        for (String variable : variables) {
            command.add("-v");
            command.add(variable);
        }
        command.add("-f");
        command.add("sql-reports/" + report + ".sql");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PGPASSWORD", PostgresServer.get().password());
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not end for " + report + ": " + err);
        }
        return new Result(process.exitValue(), out, err);
    }
}
