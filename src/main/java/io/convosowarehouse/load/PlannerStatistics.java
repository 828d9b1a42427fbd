package io.convosowarehouse.load;

import static org.jooq.impl.DSL.name;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the planner statistics for the tables the derivation joins the moment they first hold rows, instead of
 * leaving that to autovacuum. Without any, PostgreSQL guesses one row per table and joins a snapshot's thousands of
 * agents to their open intervals by nested loops: measured at 3,000 agents, 12 s for one statement instead of
 * 50 ms. That happens at an account's second poll, and at the first snapshot in each new monthly partition, if it
 * comes before autovacuum's next round, and always on a server that runs without autovacuum. Tables analyzed once
 * are left to autovacuum: their statistics scale with their size.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
    private static final List<String> DERIVED_TABLES = List.of("agent_state_interval", "agent_shift");

    private final DSLContext dsl;
    private final Set<String> analyzed = ConcurrentHashMap.newKeySet();

    public PlannerStatistics(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * After an account-wide snapshot committed: analyzes its agent_snapshot partition and the derived tables if never
     * analyzed. The snapshot is already safe, so a failure here is a warning, never a failed load.
     */
    public void ensureFor(long snapshotId, OffsetDateTime observedAt) {
        try {
            analyzeNeverAnalyzed(snapshotId, observedAt);
        } catch (DataAccessException e) {
            log.warn("could not give the planner statistics (ANALYZE): {}; autovacuum will", e.getMessage());
        }
    }

    private void analyzeNeverAnalyzed(long snapshotId, OffsetDateTime observedAt) {
        for (String table : DERIVED_TABLES) {
            analyzeIfNever("warehouse." + table);
        }
        Record partition = dsl.fetchOne("""
                select tableoid::regclass::text
                from warehouse.agent_snapshot
                where snapshot_id = ?
                  and observed_at = cast(? as timestamptz)
                limit 1
                """, snapshotId, observedAt);
        if (partition != null) { // an answer with nobody logged in has no agent rows
            analyzeIfNever(partition.get(0, String.class));
        }
    }

    private void analyzeIfNever(String table) {
        if (analyzed.contains(table)) {
            return;
        }
        Record never = dsl.fetchOne("""
                select last_analyze is null and last_autoanalyze is null
                from pg_stat_all_tables
                where relid = cast(? as regclass)
                """, table);
        if (never != null && never.get(0, Boolean.class)) {
            long started = System.nanoTime();
            dsl.execute("analyze {0}", name(table.split("\\.")));
            log.debug("analyzed {} in {} ms: it had no planner statistics", table, (System.nanoTime() - started) / 1_000_000);
        }
        analyzed.add(table);
    }
}
