package io.convosowarehouse.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.convosowarehouse.parse.AgentRow;

/**
 * For the benchmark: the loader's bulk path alone ({@link AgentSnapshotCopy}: the COPY text built from parsed rows,
 * then COPY into the partitioned, keyed warehouse.agent_snapshot), timed on rows the pipeline has just loaded. They
 * go in under another snapshot id, so the keys do not collide, and are rolled back, so nothing is stored twice.
 */
public final class BulkPathProbe {

    /** Far above any snapshot id a benchmark run makes. */
    private static final long OTHER_SNAPSHOT_ID = 1L << 40;

    private final LabelDictionary labels;

    public BulkPathProbe(LabelDictionary labels) {
        this.labels = labels;
    }

    /** Nanoseconds the bulk path takes for these rows, on a connection of its own. */
    public long time(Connection connection, long snapshotId, Instant observedAt, short accountId, List<AgentRow> agents)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            long start = System.nanoTime();
            AgentSnapshotCopy.copy(DSL.using(connection, SQLDialect.POSTGRES), OTHER_SNAPSHOT_ID + snapshotId, observedAt,
                    accountId, agents, labels);
            return System.nanoTime() - start;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
