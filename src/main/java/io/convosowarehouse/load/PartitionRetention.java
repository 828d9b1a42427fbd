package io.convosowarehouse.load;

import static org.jooq.impl.DSL.name;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.RetentionProperties;

/**
 * Drops the monthly partitions whose whole month lies past a table's retention. A partition is
 * first detached CONCURRENTLY, which waits for running loads instead of blocking them, then dropped.
 * Data is therefore kept at least the retention and at most a month longer. A detach that was interrupted
 * (the run killed while it waited) leaves the partition pending; the next run FINALIZEs it, then drops it.
 * Citus has no DETACH CONCURRENTLY: there the partition is dropped at once, which holds off loads of its table
 * for as long as the drop takes.
 */
@Component
public class PartitionRetention {

    private static final Logger log = LoggerFactory.getLogger(PartitionRetention.class);
    private static final Pattern MONTHLY_PARTITION = Pattern.compile("_p(\\d{6})$");
    private static final DateTimeFormatter PARTITION_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /** A partitioned table and how long its rows are kept. */
    record Policy(String schema, String table, Duration keep) {
    }

    /** One partition of a policy's table; detachPending after an interrupted DETACH CONCURRENTLY. */
    private record Partition(String name, boolean detachPending) {
    }

    private final DSLContext dsl;
    private final CitusDetector citus;
    private final List<Policy> policies;

    public PartitionRetention(DSLContext dsl, CitusDetector citus, RetentionProperties retention) {
        this.dsl = dsl;
        this.citus = citus;
        this.policies = List.of(
                new Policy("ingest", "raw_payload", retention.rawPayload()),
                new Policy("warehouse", "agent_snapshot", retention.agentSnapshot()));
    }

    /** Applies every policy; returns the partitions dropped. A failure is logged, never fatal to the run. */
    public List<String> apply(Instant now) {
        List<String> dropped = new ArrayList<>();
        for (Policy policy : policies) {
            if (policy.keep().isZero()) { // kept forever
                continue;
            }
            Instant keepFrom = now.minus(policy.keep());
            for (Partition partition : partitionsOf(policy)) {
                Matcher month = MONTHLY_PARTITION.matcher(partition.name());
                if (month.find() && !monthEnd(month.group(1)).isAfter(keepFrom)) {
                    try {
                        drop(policy, partition);
                        dropped.add(policy.schema() + "." + partition.name());
                    } catch (DataAccessException e) {
                        log.warn("retention: could not drop {}.{}: {}", policy.schema(), partition.name(),
                                e.getMostSpecificCause().getMessage());
                    }
                }
            }
        }
        if (!dropped.isEmpty()) {
            log.info("retention: dropped {}", dropped);
        }
        return dropped;
    }

    private List<Partition> partitionsOf(Policy policy) {
        return dsl.resultQuery("""
                select child.relname, pg_inherits.inhdetachpending
                from pg_inherits
                join pg_class child on child.oid = pg_inherits.inhrelid
                join pg_class parent on parent.oid = pg_inherits.inhparent
                join pg_namespace on pg_namespace.oid = parent.relnamespace
                where pg_namespace.nspname = {0} and parent.relname = {1}
                order by child.relname""", policy.schema(), policy.table())
                .fetch(row -> new Partition(row.get(0, String.class), row.get(1, Boolean.class)));
    }

    private void drop(Policy policy, Partition partition) {
        Name parent = name(policy.schema(), policy.table());
        Name child = name(policy.schema(), partition.name());
        // CONCURRENTLY cannot run inside a transaction: these run on their own, in autocommit
        if (!citus.installed()) { // Citus has no DETACH CONCURRENTLY; it drops a partition with its shards at once
            if (partition.detachPending()) {
                dsl.execute("alter table {0} detach partition {1} finalize", parent, child);
            } else {
                dsl.execute("alter table {0} detach partition {1} concurrently", parent, child);
            }
        }
        dsl.execute("drop table {0}", child);
    }

    private static Instant monthEnd(String yyyymm) {
        return YearMonth.parse(yyyymm, PARTITION_MONTH).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
