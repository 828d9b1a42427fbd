package io.convosowarehouse.derive;

import java.time.OffsetDateTime;

/**
 * One stored account-wide snapshot as derivation sees it. Derivation orders snapshots by
 * (observedAt, receivedAt, snapshotId): the API's clock first, ours to break ties, then load order.
 */
public record SnapshotRef(short accountId, long snapshotId, OffsetDateTime observedAt, OffsetDateTime receivedAt) {
}
