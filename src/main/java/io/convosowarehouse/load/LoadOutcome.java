package io.convosowarehouse.load;

/**
 * What became of one answer.
 *
 * @param snapshotId the snapshot written, NULL unless LOADED
 * @param agents     agent rows written
 * @param rejected   records rejected (for a REFUSED answer: the answer itself)
 * @param reason     why the answer was refused, NULL otherwise
 */
public record LoadOutcome(Kind kind, Long snapshotId, int agents, int rejected, String reason) {

    public enum Kind {
        /** A new snapshot was written. */
        LOADED,
        /** The same answer was loaded before; nothing was written. */
        DUPLICATE,
        /** The whole answer could not be loaded; it is archived with the reason. */
        REFUSED
    }

    static LoadOutcome loaded(long snapshotId, int agents, int rejected) {
        return new LoadOutcome(Kind.LOADED, snapshotId, agents, rejected, null);
    }

    static LoadOutcome duplicate() {
        return new LoadOutcome(Kind.DUPLICATE, null, 0, 0, null);
    }

    static LoadOutcome refused(String reason, boolean newlyRecorded) {
        return new LoadOutcome(Kind.REFUSED, null, 0, newlyRecorded ? 1 : 0, reason);
    }
}
