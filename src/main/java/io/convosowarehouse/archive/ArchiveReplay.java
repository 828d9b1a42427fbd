package io.convosowarehouse.archive;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.load.AccountDirectory;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.pipeline.DerivedFactsRebuild;

/**
 * Re-parses and re-loads the archived answers received in a range, oldest first, through today's
 * parser and loader, then rebuilds the derived facts from the earliest replayed answer on. Each
 * answer replaces what it was loaded into before, so a replay run twice gives the same rows.
 */
@Component
public class ArchiveReplay {

    /** What a replay did. */
    public record Result(int answers, int loaded, int refused, int duplicates, List<String> rebuilt) {
    }

    private final RawArchive archive;
    private final AnswerPipeline pipeline;
    private final DerivedFactsRebuild rebuild;
    private final AccountDirectory accounts;
    private final List<AccountSettings> configured;

    public ArchiveReplay(RawArchive archive, AnswerPipeline pipeline, DerivedFactsRebuild rebuild, AccountDirectory accounts,
            ConvosoProperties properties) {
        this.archive = archive;
        this.pipeline = pipeline;
        this.rebuild = rebuild;
        this.accounts = accounts;
        this.configured = properties.resolvedAccounts();
    }

    public Result replay(Instant from, Instant to, String accountName, PrintWriter out) {
        int total = archive.count(from, to, accountName);
        ReplayProgress progress = new ReplayProgress(out, total);
        Map<String, AccountSettings> settings = new LinkedHashMap<>();
        int[] counts = new int[4];
        archive.forEach(from, to, accountName, archived -> {
            AccountSettings account = settings.computeIfAbsent(archived.accountName(), this::settingsOf);
            LoadOutcome outcome = pipeline.reprocess(account, archived.rawPayloadId(), archived.answer());
            switch (outcome.kind()) {
                case LOADED -> counts[1]++;
                case REFUSED -> counts[2]++;
                case DUPLICATE -> counts[3]++;
            }
            progress.done(++counts[0]);
        });
        // intervals and shifts are recomputed from the earliest replayed answer on, in time order
        List<String> rebuilt = archive.earliestObservedLoaded(from, to, accountName).entrySet().stream().map(entry -> {
            DerivedFactsRebuild.Summary summary = rebuild.rebuild(settings.get(entry.getKey()), entry.getValue(), to);
            return entry.getKey() + ": " + (summary.replayedInRange() + summary.replayedAfterRange())
                    + " account-wide snapshot(s) re-derived";
        }).toList();
        return new Result(counts[0], counts[1], counts[2], counts[3], rebuilt);
    }

    private AccountSettings settingsOf(String name) {
        return accounts.settingsOf(name, configured).orElseThrow();
    }
}
