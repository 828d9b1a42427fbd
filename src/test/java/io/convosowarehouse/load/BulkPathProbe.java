package io.convosowarehouse.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.convosowarehouse.parse.AgentRow;

/**
 * For the benchmark: the loader's bulk path alone ({@link AgentSnapshotCopy}: parsed rows encoded and streamed by binary
 * COPY into the partitioned, keyed warehouse.agent_snapshot), timed on the rows the pipeline has just loaded.
 * It writes into a database of its own with the same schema, which grows as the pipeline's does, so the pipeline's
 * tables (whose bytes per row the benchmark measures) hold nothing extra.
 */
public final class BulkPathProbe {

    private final LabelDictionary labels;
    private final DSLContext probeDatabase;

    /** The connection is to the probe's own migrated database, in autocommit. */
    public BulkPathProbe(LabelDictionary labels, Connection probeDatabase) {
        this.labels = labels;
        this.probeDatabase = DSL.using(probeDatabase, SQLDialect.POSTGRES);
    }

    /** Nanoseconds the bulk path takes for these rows. */
    public long time(long snapshotId, Instant observedAt, short accountId, List<AgentRow> agents) throws SQLException {
        probeDatabase.execute("select warehouse.ensure_partitions({0}, {1})",
                DSL.val(observedAt.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)),
                DSL.val(observedAt.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)));
        long start = System.nanoTime();
        AgentSnapshotCopy.copy(probeDatabase, snapshotId, observedAt, accountId, agents, labels);
        return System.nanoTime() - start;
    }
}
