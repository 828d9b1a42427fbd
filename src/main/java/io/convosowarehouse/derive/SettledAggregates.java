package io.convosowarehouse.derive;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.jooq.types.YearToSecond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.convosowarehouse.db.warehouse.Routines;

/**
 * Stores the quarter-hour and agent-day aggregates of an account's intervals once they can no longer change
 * (warehouse.settle_aggregates, V13), so that reports over weeks read stored rows. Reports are exact whether or
 * not this ran: what is not settled is computed from the intervals when read. Settling only makes them fast.
 */
@Component
public class SettledAggregates {

    private static final Logger log = LoggerFactory.getLogger(SettledAggregates.class);

    /**
     * What one call settles at most. Normally a poll settles the quarter hour or so its snapshot made final; after a
     * rebuild or a time-zone change the catching up spreads over the next polls instead of stalling one.
     */
    private static final Duration SPAN_PER_CALL = Duration.ofDays(1);

    /**
     * Settles up to {@link #SPAN_PER_CALL} in the caller's transaction, which holds the account's lock, and
     * returns the new watermark, NULL while nothing is settled (-infinity in the table, which
     * java.time cannot hold).
     */
    public OffsetDateTime settle(DSLContext tx, short accountId) {
        return Routines.settleAggregates(tx.configuration(), accountId, YearToSecond.valueOf(SPAN_PER_CALL));
    }

    /**
     * Callers settle after their own work has committed, so a failure is only reported: reports compute what is not
     * settled, and the next poll goes on settling.
     */
    public void reportFailure(short accountId, RuntimeException failure) {
        log.warn("could not settle the aggregates of account {}: {}; reports compute them from the intervals meanwhile",
                accountId, failure.getMessage());
    }
}
