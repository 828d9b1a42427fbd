package io.convosowarehouse.load;

import static org.jooq.impl.DSL.inline;

import org.jooq.DSLContext;

/**
 * Serializes the writers of one account's warehouse rows (loads, derived-fact rebuilds) with a
 * transaction-scoped advisory lock, so overlapping runs never interleave inside a snapshot.
 */
public final class AccountLock {

    private static final int ADVISORY_LOCK_NAMESPACE = 0x43574831; // "CWH1"

    private AccountLock() {
    }

    /** Waits for the account's lock; it is released when the transaction ends. */
    public static void acquire(DSLContext tx, short accountId) {
        tx.execute("select pg_advisory_xact_lock({0}, {1})", inline(ADVISORY_LOCK_NAMESPACE), inline((int) accountId));
    }

    /**
     * Waits for the account's lock and keeps it across the transactions of this connection (same key as
     * {@link #acquire}, so loads wait) until {@link #releaseForSession} or the connection closes.
     */
    public static void acquireForSession(DSLContext session, short accountId) {
        session.execute("select pg_advisory_lock({0}, {1})", inline(ADVISORY_LOCK_NAMESPACE), inline((int) accountId));
    }

    public static void releaseForSession(DSLContext session, short accountId) {
        session.execute("select pg_advisory_unlock({0}, {1})", inline(ADVISORY_LOCK_NAMESPACE), inline((int) accountId));
    }
}
