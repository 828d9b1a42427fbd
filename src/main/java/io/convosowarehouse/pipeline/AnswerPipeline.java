package io.convosowarehouse.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.load.AccountDirectory;
import io.convosowarehouse.load.ArchivedBody;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.load.SnapshotLoader;
import io.convosowarehouse.load.WhenStored;
import io.convosowarehouse.parse.AgentMonitorParser;
import io.convosowarehouse.parse.ConvosoTime;
import io.convosowarehouse.parse.ParseOutcome;
import io.convosowarehouse.parse.ParsedAnswer;
import io.convosowarehouse.parse.RefusedAnswer;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;

/**
 * The one path every answer takes once its bytes have arrived, whether from the live API
 * ({@code poll}), a saved file ({@code ingest}) or the raw archive ({@code replay}): parse, then
 * load in one transaction.
 */
@Component
public class AnswerPipeline {

    private static final Logger log = LoggerFactory.getLogger(AnswerPipeline.class);
    /** A source clock that is whole hours off ours (give or take a few minutes) means a wrong time zone. */
    private static final Duration SKEW_SLACK = Duration.ofMinutes(5);
    private static final Duration LONGEST_ZONE_ERROR = Duration.ofHours(26);

    private final AgentMonitorParser parser;
    private final SnapshotLoader loader;
    private final AccountDirectory accounts;

    public AnswerPipeline(AgentMonitorParser parser, SnapshotLoader loader, AccountDirectory accounts) {
        this.parser = parser;
        this.loader = loader;
        this.accounts = accounts;
    }

    public ProcessedAnswer process(AccountSettings account, ReceivedAnswer answer) {
        return process(account, answer, WhenStored.NOTHING);
    }

    /**
     * Processes the answer; once it is stored (loaded, or found loaded already), {@code whenStored}
     * runs in the same transaction. A refused answer is archived, not stored: it does not run.
     */
    public ProcessedAnswer process(AccountSettings account, ReceivedAnswer answer, WhenStored whenStored) {
        short accountId = accounts.idOf(account.name(), account.timeZone());
        // hashing and compressing for the archive need only the bytes: on another core while the parser reads them
        CompletableFuture<ArchivedBody> archiving = CompletableFuture.supplyAsync(() -> ArchivedBody.of(answer.body()));
        ParseOutcome parsed = parser.parse(answer.body(), new ConvosoTime(account.timeZone()), answer.receivedAt());
        ArchivedBody archived = archiving.join();
        if (parsed instanceof RefusedAnswer refused) {
            return new ProcessedAnswer(loader.recordRefused(accountId, answer, archived, refused), List.of(), List.of());
        }
        ParsedAnswer loadable = (ParsedAnswer) parsed;
        warnOnClockSkew(account, answer, loadable);
        LoadOutcome outcome = loader.load(accountId, answer, archived, loadable, whenStored);
        if (outcome.rejected() > 0) {
            log.warn("{} {}: {} record(s) rejected; see ingest.rejected_record", account.name(), answer.scope(),
                    outcome.rejected());
        }
        return new ProcessedAnswer(outcome, loadable.campaigns(), loadable.queues());
    }

    /** An archived answer through today's parser, replacing what it was loaded into before. */
    public LoadOutcome reprocess(AccountSettings account, long rawPayloadId, ReceivedAnswer answer) {
        short accountId = accounts.idOf(account.name(), account.timeZone());
        ParseOutcome parsed = parser.parse(answer.body(), new ConvosoTime(account.timeZone()), answer.receivedAt());
        if (parsed instanceof RefusedAnswer refused) {
            return loader.reloadRefused(accountId, rawPayloadId, answer, refused);
        }
        return loader.reload(accountId, rawPayloadId, answer, (ParsedAnswer) parsed);
    }

    public short accountId(AccountSettings account) {
        return accounts.idOf(account.name(), account.timeZone());
    }

    public void recordFailedFetch(AccountSettings account, Scope scope, Instant at, String reason) {
        loader.recordFailedFetch(accountId(account), scope, at, reason);
    }

    private static void warnOnClockSkew(AccountSettings account, ReceivedAnswer answer, ParsedAnswer parsed) {
        if (parsed.sourceTime() == null) {
            return;
        }
        Duration skew = Duration.between(answer.receivedAt(), parsed.sourceTime()).abs();
        Duration offWholeHours = skew.minus(Duration.ofHours(Math.round(skew.toMinutes() / 60.0)));
        boolean looksLikeWrongZone = skew.compareTo(Duration.ofMinutes(55)) > 0
                && skew.compareTo(LONGEST_ZONE_ERROR) < 0 && offWholeHours.abs().compareTo(SKEW_SLACK) <= 0;
        if (looksLikeWrongZone) {
            log.warn("{}: the answer's data.time is {} h {} min away from the receive time; is time zone {} right? "
                    + "(CONVOSO_TIME_ZONE; the skew is kept in warehouse.snapshot.clock_skew_sec)", account.name(),
                    skew.toHours(), skew.toMinutesPart(), account.timeZone());
        }
    }
}
