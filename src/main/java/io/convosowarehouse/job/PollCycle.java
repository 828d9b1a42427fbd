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

    /**
     * Runs the cycle, or what earlier executions of it left: a scope {@code report} already counts as
     * loaded is not called again, since the API only tells "now" and a second answer would be a second
     * snapshot of the same cycle.
     */
    CycleReport run(AccountSettings account, Instant deadline, CycleReport report) {
        if (!report.isDone(Scope.ACCOUNT)) {
            Optional<ProcessedAnswer> accountWide = poll(account, Scope.ACCOUNT, deadline, report);
            List<NamedId> campaigns = accountWide.map(ProcessedAnswer::campaigns).orElse(List.of());
            List<NamedId> queues = accountWide.map(ProcessedAnswer::queues).orElse(List.of());
            List<Scope> narrower = new ArrayList<>();
            account.campaigns().select(campaigns, NamedId::id).forEach(id -> narrower.add(Scope.campaign(id)));
            account.queues().select(queues, NamedId::id).forEach(id -> narrower.add(Scope.queue(id)));
            report.narrower(narrower);
        }
        for (Scope scope : report.narrower()) {
            if (report.isDone(scope)) {
                continue;
            }
            if (stopSignal.requested()) {
                report.stopped();
                break;
            }
            poll(account, scope, deadline, report);
        }
        return report;
    }

    private Optional<ProcessedAnswer> poll(AccountSettings account, Scope scope, Instant deadline, CycleReport report) {
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
            ProcessedAnswer processed = pipeline.process(account, answer);
            LoadOutcome outcome = processed.outcome();
            report.add(outcome, scope.toString());
            if (outcome.kind() == LoadOutcome.Kind.REFUSED) {
                log.warn("{} {}: answer refused: {}", account.name(), scope, outcome.reason());
            }
            return Optional.of(processed);
        } catch (DataAccessException e) {
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
