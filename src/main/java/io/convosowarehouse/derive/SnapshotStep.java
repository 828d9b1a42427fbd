package io.convosowarehouse.derive;

import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;

import org.jooq.QueryPart;

/**
 * One account-wide snapshot about to be applied, with the observed_at of the one applied before it: that is
 * when every still-open interval and shift was last seen, so it is the time they end at if this snapshot
 * closes them. NULL before the account's first snapshot, when nothing is open.
 */
record SnapshotStep(SnapshotRef snapshot, OffsetDateTime previousObservedAt) {

    /**
     * The bind values of the derivation's plain-SQL templates: {0} the account id, {1} the snapshot id, {2} its
     * observed_at, {3} the previous snapshot's observed_at.
     */
    QueryPart[] params() {
        return new QueryPart[] {val(snapshot.accountId()), val(snapshot.snapshotId()), val(snapshot.observedAt()),
                val(previousObservedAt, OffsetDateTime.class)};
    }
}
