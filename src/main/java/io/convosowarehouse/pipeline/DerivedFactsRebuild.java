package io.convosowarehouse.pipeline;

import static io.convosowarehouse.db.warehouse.Tables.AGENT_SHIFT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_STATE_INTERVAL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.derive.DerivedRebuild;
import io.convosowarehouse.derive.SettledAggregates;
import io.convosowarehouse.derive.SnapshotRef;
import io.convosowarehouse.load.AccountDirectory;
import io.convosowarehouse.load.AccountLock;

/**
 * Rebuilds one account's derived facts while holding the account's load lock, so polls and ingests of the
 * account wait for it rather than derive on top of a half-rebuilt state.
 *
 * <p>The replay commits every {@value #SNAPSHOTS_PER_TRANSACTION} snapshots. Each snapshot rewrites the open
 * row of every logged-in agent; in one transaction those row versions cannot be cleaned up until the end, and
 * every later statement wades through all of them (a day of a 30-agent account took minutes instead of
 * seconds). The price: a rebuild that fails midway leaves the rows after its last commit missing until it is
 * run again, which the command says.
 */
@Component
public class DerivedFactsRebuild {

    static final int SNAPSHOTS_PER_TRANSACTION = 60;

    /** What a rebuild did. */
    public record Summary(int replayedInRange, int replayedAfterRange, int intervals, int shifts) {
    }

    private final DSLContext dsl;
    private final AccountDirectory accounts;
    private final DerivedRebuild rebuild;
    private final SettledAggregates aggregates;

    public DerivedFactsRebuild(DSLContext dsl, AccountDirectory accounts, DerivedRebuild rebuild,
            SettledAggregates aggregates) {
        this.dsl = dsl;
        this.accounts = accounts;
        this.rebuild = rebuild;
        this.aggregates = aggregates;
    }

    public Summary rebuild(AccountSettings account, Instant from, Instant to) {
        short accountId = accounts.idOf(account.name(), account.timeZone());
        return dsl.connectionResult(connection -> {
            DSLContext session = DSL.using(connection, dsl.dialect());
            AccountLock.acquireForSession(session, accountId);
            try {
                List<SnapshotRef> snapshots = session.transactionResult(tx -> rebuild.rewind(tx.dsl(), accountId, from));
                for (int start = 0; start < snapshots.size(); start += SNAPSHOTS_PER_TRANSACTION) {
                    List<SnapshotRef> chunk = snapshots.subList(start, Math.min(snapshots.size(), start + SNAPSHOTS_PER_TRANSACTION));
                    session.transaction(tx -> rebuild.replay(tx.dsl(), chunk));
                }
                settleAll(session, accountId);
                int afterRange = (int) snapshots.stream().filter(s -> s.observedAt().toInstant().isAfter(to)).count();
                return new Summary(snapshots.size() - afterRange, afterRange,
                        session.fetchCount(AGENT_STATE_INTERVAL, AGENT_STATE_INTERVAL.ACCOUNT_ID.eq(accountId)),
                        session.fetchCount(AGENT_SHIFT, AGENT_SHIFT.ACCOUNT_ID.eq(accountId)));
            } finally {
                AccountLock.releaseForSession(session, accountId);
            }
        });
    }

    /**
     * The rewind moved the account's settled aggregates back: settles them again up to now, a day per transaction.
     * The rebuilt facts are committed by then, so a failure here is a warning, as after a poll.
     */
    private void settleAll(DSLContext session, short accountId) {
        OffsetDateTime settled = null;
        OffsetDateTime before;
        try {
            do {
                before = settled;
                settled = session.transactionResult(tx -> aggregates.settle(tx.dsl(), accountId));
            } while (!Objects.equals(before, settled));
        } catch (RuntimeException e) { // Spring's and jOOQ's exceptions alike
            aggregates.reportFailure(accountId, e);
        }
    }
}
