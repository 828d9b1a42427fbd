package io.convosowarehouse.derive;

import static io.convosowarehouse.db.warehouse.Tables.SNAPSHOT;
import static org.jooq.Records.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import io.convosowarehouse.db.warehouse.Routines;

/**
 * Recomputes an account's agent_state_interval and agent_shift from the stored account-wide snapshots.
 *
 * <p>Strategy: {@link #rewind} the derived facts to their state at {@code from} (warehouse.rewind_derived, in
 * db/migration/R__derive.sql), then {@link #replay} every stored account-wide snapshot observed from {@code from}
 * on, in derivation order, through the very {@link SnapshotDerivation#apply} the load path uses. The replay does not stop at the end of the range
 * the caller cares about: every row after it hangs on the state at its end (an open interval, a shift's running
 * totals), so stopping there would leave later rows disagreeing with earlier ones. Rows that ended before
 * {@code from} are never touched, and the result is exactly what loading the snapshots in order would have
 * written, so running it twice changes nothing.
 */
@Component
public class DerivedRebuild {

    private final SnapshotDerivation derivation;

    public DerivedRebuild(SnapshotDerivation derivation) {
        this.derivation = derivation;
    }

    /**
     * Puts the account's derived facts back to their state at {@code from} and returns the account-wide snapshots
     * to replay, in derivation order.
     */
    public List<SnapshotRef> rewind(DSLContext tx, short accountId, Instant from) {
        OffsetDateTime cut = from.atOffset(ZoneOffset.UTC);
        Routines.rewindDerived(tx.configuration(), accountId, cut);
        return tx.select(SNAPSHOT.ACCOUNT_ID, SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.OBSERVED_AT, SNAPSHOT.RECEIVED_AT)
                .from(SNAPSHOT)
                .where(SNAPSHOT.ACCOUNT_ID.eq(accountId))
                .and(SNAPSHOT.SCOPE_KIND.eq("account"))
                .and(SNAPSHOT.OBSERVED_AT.ge(cut))
                .orderBy(SNAPSHOT.OBSERVED_AT, SNAPSHOT.RECEIVED_AT, SNAPSHOT.SNAPSHOT_ID)
                .fetch(mapping(SnapshotRef::new));
    }

    /** Applies snapshots that follow the current derived state, in order. */
    public void replay(DSLContext tx, List<SnapshotRef> snapshots) {
        snapshots.forEach(snapshot -> derivation.apply(tx, snapshot));
    }
}
