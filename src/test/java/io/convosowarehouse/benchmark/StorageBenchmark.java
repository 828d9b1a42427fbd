package io.convosowarehouse.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Bytes on disk per agent-snapshot row, ours (every partition, heap + indexes + TOAST) against the
 * naive JSON-text layout holding the same answers, and the raw archive against the JSON it keeps.
 * Both tables are vacuumed first so neither is charged for dead space or missing visibility maps.
 */
final class StorageBenchmark {

    static final double NAIVE_RATIO_TARGET = 0.30;
    static final double ARCHIVE_RATIO_TARGET = 0.15;

    private StorageBenchmark() {
    }

    static void measure(Connection connection, ResultTable table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze warehouse.agent_snapshot");
            statement.execute("vacuum analyze " + BaselineTables.NAIVE_TABLE);
            double[] ours = row(statement, """
                    select sum(pg_total_relation_size(i.inhrelid)), sum(pg_relation_size(i.inhrelid)),
                           sum(pg_indexes_size(i.inhrelid)), (select count(*) from warehouse.agent_snapshot)
                    from pg_inherits as i
                    where i.inhparent = 'warehouse.agent_snapshot'::regclass""");
            double[] naive = row(statement, "select pg_total_relation_size('" + BaselineTables.NAIVE_TABLE
                    + "'), (select count(*) from " + BaselineTables.NAIVE_TABLE + ")");
            double[] archive = row(statement, """
                    select sum(octet_length(body_gzip)), sum(body_bytes), count(*),
                           (select sum(pg_total_relation_size(i.inhrelid)) from pg_inherits as i
                            where i.inhparent = 'ingest.raw_payload'::regclass)
                    from ingest.raw_payload""");
            double oursPerRow = ours[0] / ours[3];
            double naivePerRow = naive[0] / naive[1];
            String section = "storage";
            table.measured(section, "warehouse.agent_snapshot bytes/row (heap + indexes + TOAST)",
                    String.format(Locale.ROOT, "%.0f B (heap %.0f, indexes %.0f; %,.0f rows)", oursPerRow,
                            ours[1] / ours[3], ours[2] / ours[3], ours[3]));
            table.measured(section, "naive layout (agent JSON as text + id + time) bytes/row",
                    String.format(Locale.ROOT, "%.0f B (%,.0f rows)", naivePerRow, naive[1]));
            table.atMost(section, "ours / naive", 100 * oursPerRow / naivePerRow, 100 * NAIVE_RATIO_TARGET, "%.0f %%");
            table.atMost(section, "raw archive body_gzip / JSON bytes", 100 * archive[0] / archive[1],
                    100 * ARCHIVE_RATIO_TARGET, "%.1f %%");
            table.measured(section, "raw archive on disk per answer (table + TOAST + indexes)",
                    String.format(Locale.ROOT, "%,.0f B for %,.0f B of JSON", archive[3] / archive[2],
                            archive[1] / archive[2]));
        }
        table.note("storage counts every row the ingest section wrote (warm-up included); the naive table holds "
                + "the same answers' agent objects and has no index, which favours it.");
    }

    private static double[] row(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            double[] values = new double[result.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = result.getDouble(i + 1);
            }
            return values;
        }
    }
}
