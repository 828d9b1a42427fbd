package io.convosowarehouse.cli;

import java.net.ConnectException;
import java.sql.SQLException;

import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;

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
                return new Classified(ExitCode.USAGE, "configuration error: " + bind.getMessage() + ": "
                        + NestedExceptionUtils.getMostSpecificCause(bind).getMessage());
            }
        }
        if (isDatabaseFailure(failure)) {
            String hint = root.getMessage() != null && root.getMessage().contains("does not exist")
                    ? "; run 'migrate' first (or leave SPRING_FLYWAY_ENABLED unset so commands migrate on start)"
                    : "; check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";
            return new Classified(ExitCode.DATABASE, "database error: " + oneLine(root.getMessage()) + hint);
        }
        if (root instanceof IllegalArgumentException) {
            return new Classified(ExitCode.USAGE, "configuration error: " + oneLine(root.getMessage()));
        }
        return new Classified(ExitCode.DATABASE, "unexpected failure: " + root.getClass().getSimpleName() + ": "
                + oneLine(root.getMessage()) + " (run with --debug for details)");
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
