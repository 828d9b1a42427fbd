package io.convosowarehouse.derive;

import static io.convosowarehouse.db.warehouse.Tables.SNAPSHOT;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.row;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.DeriveProperties;

/**
 * Applies one account-wide snapshot to the derived facts (agent_state_interval, agent_shift, agent_call), inside
 * the caller's transaction, after the snapshot's agents are in warehouse.agent_snapshot. The load path
 * and the rebuild replay both come through {@link #apply}, so they cannot disagree.
 *
 * <p>Only account-wide snapshots are applied: only they say who is logged in, so only their absence means
 * logout. Narrower scopes contribute counters, not agent states.
 */
@Component
public class SnapshotDerivation {

    private static final Logger log = LoggerFactory.getLogger(SnapshotDerivation.class);
    private static final String ACCOUNT_SCOPE = "account";

    private final Duration gapThreshold;
    private final StateIntervalDeriver intervals = new StateIntervalDeriver();
    private final ShiftDeriver shifts = new ShiftDeriver();
    private final CallDeriver calls = new CallDeriver();

    public SnapshotDerivation(DeriveProperties properties) {
        this.gapThreshold = properties.gapThreshold();
    }

    /**
     * The load path: applies a just-loaded snapshot unless an account-wide snapshot that orders after it has
     * already been applied (an old file ingested late). Applying it would rewrite history under intervals that
     * later snapshots already closed, so it is skipped with a warning; {@code rebuild-derived} from its time
     * places it correctly.
     *
     * @return whether the snapshot was applied
     */
    public boolean applyIfNewest(DSLContext tx, long snapshotId) {
        // read back as stored: received_at is kept to the microsecond, and ordering must compare like with like
        SnapshotRef snapshot = tx.select(SNAPSHOT.ACCOUNT_ID, SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.OBSERVED_AT, SNAPSHOT.RECEIVED_AT)
                .from(SNAPSHOT)
                .where(SNAPSHOT.SNAPSHOT_ID.eq(snapshotId))
                .fetchSingle(mapping(SnapshotRef::new));
        boolean later = tx.fetchExists(SNAPSHOT, SNAPSHOT.ACCOUNT_ID.eq(snapshot.accountId())
                .and(SNAPSHOT.SCOPE_KIND.eq(ACCOUNT_SCOPE))
                .and(SNAPSHOT.OBSERVED_AT.ge(snapshot.observedAt())) // lets the (account_id, observed_at) index answer
                .and(row(SNAPSHOT.OBSERVED_AT, SNAPSHOT.RECEIVED_AT, SNAPSHOT.SNAPSHOT_ID)
                        .gt(snapshot.observedAt(), snapshot.receivedAt(), snapshot.snapshotId())));
        if (later) {
            log.warn("snapshot {} observed at {} is older than snapshots already derived; agent_state_interval and "
                    + "agent_shift skip it (run rebuild-derived --from {} to place it)", snapshot.snapshotId(),
                    snapshot.observedAt(), snapshot.observedAt().toInstant());
            return false;
        }
        apply(tx, snapshot);
        return true;
    }

    /** Applies the snapshot; the caller guarantees every snapshot ordered before it has been applied and none after. */
    public void apply(DSLContext tx, SnapshotRef snapshot) {
        SnapshotStep step = new SnapshotStep(snapshot, previousObservedAt(tx, snapshot));
        boolean afterGap = isAfterGap(step);
        if (afterGap) {
            shifts.closeShiftsNotProvablyContinued(tx, step);
            intervals.closeAllAtGap(tx, step);
        }
        intervals.closeAbsentAgents(tx, step);
        shifts.closeShiftsOfAbsentAgents(tx, step);
        intervals.closeChangedStates(tx, step);
        shifts.countCallsOfPresentAgents(tx, step);
        intervals.openNewStates(tx, step);
        calls.apply(tx, step, afterGap);
    }

    /** Whether the previous account-wide snapshot is more than the gap threshold older than this one. */
    private boolean isAfterGap(SnapshotStep step) {
        return step.previousObservedAt() != null
                && Duration.between(step.previousObservedAt(), step.snapshot().observedAt()).compareTo(gapThreshold) > 0;
    }

    /** observed_at of the account-wide snapshot ordered just before this one, NULL for the account's first. */
    private static OffsetDateTime previousObservedAt(DSLContext tx, SnapshotRef snapshot) {
        return tx.select(SNAPSHOT.OBSERVED_AT)
                .from(SNAPSHOT)
                .where(SNAPSHOT.ACCOUNT_ID.eq(snapshot.accountId()))
                .and(SNAPSHOT.SCOPE_KIND.eq(ACCOUNT_SCOPE))
                .and(SNAPSHOT.OBSERVED_AT.le(snapshot.observedAt())) // lets the (account_id, observed_at) index answer
                .and(row(SNAPSHOT.OBSERVED_AT, SNAPSHOT.RECEIVED_AT, SNAPSHOT.SNAPSHOT_ID)
                        .lt(snapshot.observedAt(), snapshot.receivedAt(), snapshot.snapshotId()))
                .orderBy(SNAPSHOT.OBSERVED_AT.desc(), SNAPSHOT.RECEIVED_AT.desc(), SNAPSHOT.SNAPSHOT_ID.desc())
                .limit(1)
                .fetchOne(SNAPSHOT.OBSERVED_AT);
    }
}
