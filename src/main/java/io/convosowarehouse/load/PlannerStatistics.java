package io.convosowarehouse.load;

import static org.jooq.impl.DSL.name;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the planner knows an account before the derivation joins its agents. Each account-wide snapshot joins
 * a snapshot's agents with the account's open intervals, shifts and calls; when the statistics do not list the account
 * (the tables were never analyzed, the account is new to a warehouse that has others, a new month's partition),
 * PostgreSQL takes those sets for one row each and joins them by nested loops: measured at 3,000 agents, 12 s for
 * one statement instead of 50 ms, at every poll until autovacuum's next ANALYZE, which on a big table can be days
 * away. So after a big enough snapshot commits, each such table whose statistics lack the account is analyzed once
 * (V10's extended statistics then also tell the account's open rows from its history). Small accounts are left
 * alone: a nested loop over a few hundred rows is cheap, and they may never make the statistics' common values.
 * On Citus this is left to the workers' autovacuum: the coordinator keeps no statistics of a distributed table,
 * and the workers plan the shard queries with their own.
 */
@Component
public class PlannerStatistics {

    /** Below this many agents in a snapshot, misestimated joins cost milliseconds: not worth an ANALYZE. */
    static final int AGENTS_WORTH_ANALYZING = 200;

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
    private static final String SCHEMA = "warehouse";
    private static final String LOCK_TIMEOUT = "2s";
    private static final List<String> DERIVED_TABLES = List.of("agent_state_interval", "agent_shift", "agent_call");

    private final DSLContext dsl;
    private final CitusDetector citus;

    public PlannerStatistics(DSLContext dsl, CitusDetector citus) {
        this.dsl = dsl;
        this.citus = citus;
    }

    /**
     * After an account-wide snapshot committed. The snapshot is already safe, so a failure here is a warning,
     * never a failed load.
     */
    public void ensureFor(short accountId, long snapshotId, OffsetDateTime observedAt, int agents) {
        if (agents < AGENTS_WORTH_ANALYZING || citus.installed()) {
            return;
        }
        try {
            List<String> tables = tablesJoined(snapshotId, observedAt);
            tables.removeAll(tablesKnowing(tables, accountId));
            for (String table : tables) {
                analyze(table, accountId);
            }
        } catch (RuntimeException e) { // Spring's and jOOQ's exceptions alike: nothing here may fail a load
            log.warn("could not give the planner statistics (ANALYZE): {}; autovacuum will", e.getMessage());
        }
    }

    /** A vacuum running on the table would make ANALYZE wait for it: the poll waits a moment at most. */
    private void analyze(String table, short accountId) {
        long started = System.nanoTime();
        dsl.transaction(configuration -> {
            configuration.dsl().execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
            configuration.dsl().execute("analyze {0}", name(SCHEMA, table));
        });
        log.info("analyzed {} in {} ms: its planner statistics did not know account {}", table,
                (System.nanoTime() - started) / 1_000_000, accountId);
    }

    /** The derived tables and the agent_snapshot partition holding the snapshot, all in schema warehouse. */
    private List<String> tablesJoined(long snapshotId, OffsetDateTime observedAt) {
        List<String> tables = new ArrayList<>(DERIVED_TABLES);
        Record partition = dsl.fetchOne("""
                select partition.relname
                from warehouse.agent_snapshot as a
                inner join pg_catalog.pg_class as partition on partition.oid = a.tableoid
                where a.snapshot_id = ?
                  and a.observed_at = cast(? as timestamptz)
                limit 1
                """, snapshotId, observedAt);
        tables.add(partition.get(0, String.class));
        return tables;
    }

    /** Those of the tables whose statistics list the account among the common values of account_id. */
    private List<String> tablesKnowing(List<String> tables, short accountId) {
        return dsl.fetch("""
                select s.tablename
                from pg_catalog.pg_stats as s
                where s.schemaname = ?
                  and s.tablename = any(cast(? as text[]))
                  and s.attname = 'account_id'
                  and cast(cast(s.most_common_vals as text) as smallint[]) @> array[cast(? as smallint)]
                """, SCHEMA, tables.toArray(String[]::new), accountId).getValues(0, String.class);
    }
}
