package io.convosowarehouse.load;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import io.convosowarehouse.db.warehouse.Routines;

/**
 * Makes sure the monthly partitions a load writes into exist, one month ahead. It runs in a short
 * transaction of its own before the snapshot's: creating a partition locks its parent, and that
 * lock must not be held for a whole load.
 */
@Component
public class PartitionManager {

    private final DSLContext dsl;
    private final Set<YearMonth> ready = ConcurrentHashMap.newKeySet();

    public PartitionManager(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void ensureFor(Instant... instants) {
        for (Instant instant : instants) {
            YearMonth month = YearMonth.from(instant.atOffset(ZoneOffset.UTC));
            if (!ready.contains(month)) {
                YearMonth ahead = month.plusMonths(1);
                Routines.ensurePartitions(dsl.configuration(),
                        month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                        ahead.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                ready.add(month);
                ready.add(ahead);
            }
        }
    }
}
