package io.convosowarehouse.derive;

import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;

import org.jooq.DSLContext;

/**
 * Keeps warehouse.agent_call in step with one account-wide snapshot: the rule is the SQL function
 * warehouse.apply_snapshot_calls (db/migration/R__derive_calls.sql), which reads the snapshot's agents and
 * the shifts the interval steps just wrote, so it runs after them.
 */
final class CallDeriver {

    void apply(DSLContext tx, SnapshotStep step, boolean afterGap) {
        tx.execute("select warehouse.apply_snapshot_calls({0}, {1}, {2}, {3}, {4})", val(step.snapshot().accountId()),
                val(step.snapshot().snapshotId()), val(step.snapshot().observedAt()),
                val(step.previousObservedAt(), OffsetDateTime.class), val(afterGap));
    }
}
