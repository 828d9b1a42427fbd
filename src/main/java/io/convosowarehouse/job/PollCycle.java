package io.convosowarehouse.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.parse.NamedId;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.pipeline.ProcessedAnswer;
import io.convosowarehouse.source.AgentMonitorClient;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;
import io.convosowarehouse.source.SourceException;

/**
 * One poll of one account: the account-wide call first, then a call per configured campaign and
 * queue (all of those the account-wide answer lists, when set to {@code all}). Each scope is loaded
 * on its own, so one failing scope does not lose the others.
 */
@Component
class PollCycle {

    private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

    private final AgentMonitorClient client;
    private final AnswerPipeline pipeline;
    private final Clock clock;
    private final StopSignal stopSignal;

    PollCycle(AgentMonitorClient client, AnswerPipeline pipeline, Clock clock, StopSignal stopSignal) {
        this.client = client;
        this.pipeline = pipeline;
        this.clock = clock;
        this.stopSignal = stopSignal;
    }

    /** Where a cycle keeps which of its scopes have loaded, as each one does. */
    interface WhenScopeStored {

        /**
         * Called in the transaction that stores a scope's answer, with the cycle's progress as it is
         * once that commits: what it writes to the database commits with the answer or not at all.
         */
        void inTheSameTransaction(CycleProgress progress);
    }

    /**
     * Runs the cycle, or what earlier executions of it left: a scope {@code report} already counts as
     * loaded is not called again, since the API only tells "now" and a second answer would be a second
     * snapshot of the same cycle. The cycle's progress goes to {@code whenStored} in each answer's
     * transaction, so that even a process killed in the middle of the cycle leaves what it loaded on record.
     */
    CycleReport run(AccountSettings account, Instant deadline, CycleReport report, WhenScopeStored whenStored) {
        try {
            if (!report.isDone(Scope.ACCOUNT)) {
                Optional<ProcessedAnswer> accountWide = poll(account, Scope.ACCOUNT, deadline, report, whenStored);
                report.narrower(narrowerScopes(account, accountWide.map(ProcessedAnswer::campaigns).orElse(List.of()),
                        accountWide.map(ProcessedAnswer::queues).orElse(List.of())));
            }
            for (Scope scope : report.narrower()) {
                if (report.isDone(scope)) {
                    continue;
                }
                if (stopSignal.requested()) {
                    report.stopped();
                    break;
                }
                poll(account, scope, deadline, report, whenStored);
            }
        } catch (CycleOwnership.CycleTakenOver e) {
            log.warn("{}: {}", account.name(), e.getMessage());
        }
        return report;
    }

    /** The campaign and queue scopes the account's settings select among those the account-wide answer lists. */
    private static List<Scope> narrowerScopes(AccountSettings account, List<NamedId> campaigns, List<NamedId> queues) {
        List<Scope> narrower = new ArrayList<>();
        account.campaigns().select(campaigns, NamedId::id).forEach(id -> narrower.add(Scope.campaign(id)));
        account.queues().select(queues, NamedId::id).forEach(id -> narrower.add(Scope.queue(id)));
        return narrower;
    }

    private Optional<ProcessedAnswer> poll(AccountSettings account, Scope scope, Instant deadline, CycleReport report,
            WhenScopeStored whenStored) {
        ReceivedAnswer answer;
        try {
            answer = client.fetch(account, scope, deadline);
        } catch (SourceException e) {
            log.warn("{} {}: {}", account.name(), scope, e.getMessage());
            report.sourceFailed(scope.toString(), e.getMessage());
            recordFailedFetch(account, scope, e.getMessage());
            return Optional.empty();
        }
        try {
            ProcessedAnswer processed = pipeline.process(account, answer, (campaigns, queues) -> whenStored.inTheSameTransaction(
                    report.progressWith(scope, scope.kind() == Scope.Kind.ACCOUNT
                            ? narrowerScopes(account, campaigns, queues) : report.narrower())));
            LoadOutcome outcome = processed.outcome();
            report.add(outcome, scope.toString());
            if (outcome.kind() == LoadOutcome.Kind.REFUSED) {
                log.warn("{} {}: answer refused: {}", account.name(), scope, outcome.reason());
            }
            return Optional.of(processed);
        } catch (CycleOwnership.CycleTakenOver e) {
            report.databaseFailed(scope.toString(), "not stored: " + e.getMessage());
            throw e;
        } catch (DataAccessException | TransactionException e) {
            // a TransactionException: the commit failed with an error Spring does not translate; it rolled back
            String reason = e.getMostSpecificCause().getMessage();
            log.warn("{} {}: database error: {}", account.name(), scope, reason);
            report.databaseFailed(scope.toString(), reason);
            return Optional.empty();
        }
    }

    private void recordFailedFetch(AccountSettings account, Scope scope, String reason) {
        try {
            pipeline.recordFailedFetch(account, scope, clock.instant(), reason);
        } catch (DataAccessException e) {
            log.warn("{} {}: could not record the failed call: {}", account.name(), scope, e.getMostSpecificCause().getMessage());
        }
    }
}
