package io.convosowarehouse.cli;

import java.net.ConnectException;
import java.sql.SQLException;

import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;

import io.convosowarehouse.exit.ExitCode;

/**
 * Turns any failure into an exit code and the one line a user reads: what failed and what to do.
 */
final class FailureClassifier {

    record Classified(ExitCode exitCode, String message) {
    }

    private FailureClassifier() {
    }

    static Classified classify(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandFailure command) {
                return new Classified(command.exitCode(), command.getMessage());
            }
            if (t instanceof java.nio.file.FileSystemException file) {
                return new Classified(ExitCode.USAGE, "cannot use the file " + file.getFile()
                        + (file.getReason() == null ? "" : ": " + file.getReason()) + " (" + file.getClass().getSimpleName() + ")");
            }
            if (t instanceof ConfigDataException config) {
                return new Classified(ExitCode.USAGE, "configuration error: " + oneLine(config.getMessage()));
            }
            if (t instanceof BindException bind) {
                String cause = String.valueOf(NestedExceptionUtils.getMostSpecificCause(bind).getMessage());
                // the settings records' own checks name the setting: Spring's "Failed to bind properties under ..." would repeat it
                return new Classified(ExitCode.USAGE, "configuration error: "
                        + (cause.startsWith(bind.getName() + ".") || cause.startsWith(bind.getName() + " ") ? cause : bind.getMessage() + ": " + cause));
            }
        }
        if (isDatabaseFailure(failure)) {
            return new Classified(ExitCode.DATABASE, "database error: " + oneLine(root.getMessage()) + databaseHint(failure));
        }
        if (root instanceof IllegalArgumentException) {
            return new Classified(ExitCode.USAGE, "configuration error: " + oneLine(root.getMessage()));
        }
        return new Classified(ExitCode.UNEXPECTED, "unexpected failure: " + root.getClass().getSimpleName() + ": "
                + oneLine(root.getMessage()) + " (run with --debug for details)");
    }

    /**
     * What to do, by PostgreSQL's SQLState rather than the message: a missing role, database, table or
     * schema all say "does not exist", and only the last two mean the schema is not migrated.
     */
    private static String databaseHint(Throwable failure) {
        String sqlState = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
        }
        return switch (sqlState == null ? "" : sqlState) {
            // invalid_authorization_specification (no such role, no pg_hba.conf entry), invalid_password
            case "28000", "28P01" -> "; the login was refused: check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";
            // invalid_catalog_name
            case "3D000" -> "; create it (createdb) or point SPRING_DATASOURCE_URL at a database that exists";
            // undefined_table, invalid_schema_name
            case "42P01", "3F000" -> "; run 'migrate' first (or leave SPRING_FLYWAY_ENABLED unset so commands migrate on start)";
            default -> "; check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";
        };
    }

    private static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException || t instanceof SQLException
                    || t instanceof org.jooq.exception.DataAccessException
                    || t instanceof org.flywaydb.core.api.FlywayException
                    || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String first = message.strip().split("\\R", 2)[0];
        return first.length() > 400 ? first.substring(0, 400) + "..." : first;
    }
}
