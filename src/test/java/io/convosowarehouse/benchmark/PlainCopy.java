package io.convosowarehouse.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;

/** PostgreSQL COPY (text format) through the driver's CopyManager: the speed limit for loading rows. */
final class PlainCopy {

    private final Connection connection;
    private final String statement;

    PlainCopy(Connection connection, String table, List<String> columns) {
        this.connection = connection;
        this.statement = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
    }

    /** COPYs prepared text in one autocommitted statement; returns the nanoseconds it took. */
    long copy(byte[] copyText) throws SQLException {
        long start = System.nanoTime();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, new ByteArrayInputStream(copyText));
        } catch (IOException e) {
            throw new SQLException("COPY into the baseline table failed", e);
        }
        return System.nanoTime() - start;
    }
}
