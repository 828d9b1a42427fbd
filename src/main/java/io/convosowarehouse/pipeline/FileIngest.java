package io.convosowarehouse.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.SavedAnswerReader;
import io.convosowarehouse.source.Scope;

/** Loads saved answers from files through the same pipeline as the live poll. */
@Component
public class FileIngest {

    /** What one file gave. A file fails as a whole only when none of its answers could be loaded. */
    public record FileResult(Path file, int loaded, int duplicates, int agents, int rejected, List<String> failures,
            int databaseFailures) {

        public boolean failed() {
            return loaded + duplicates == 0 && !failures.isEmpty();
        }

        public boolean databaseFailed() {
            return databaseFailures > 0;
        }
    }

    private final SavedAnswerReader reader;
    private final AnswerPipeline pipeline;

    public FileIngest(SavedAnswerReader reader, AnswerPipeline pipeline) {
        this.reader = reader;
        this.pipeline = pipeline;
    }

    public FileResult ingest(AccountSettings account, Path file, Scope scope, Instant receivedAt) {
        Tally tally = new Tally();
        try {
            reader.read(file, scope, receivedAt, new SavedAnswerReader.Sink() {
                @Override
                public void answer(ReceivedAnswer answer) {
                    tally.add(answer, account);
                }

                @Override
                public void unreadable(String where, String reason) {
                    tally.failures.add(where + ": " + reason);
                }
            });
        } catch (IOException e) {
            tally.failures.add(file + ": cannot read: " + e.getMessage());
        }
        return new FileResult(file, tally.loaded, tally.duplicates, tally.agents, tally.rejected, List.copyOf(tally.failures),
                tally.databaseFailures);
    }

    private final class Tally {
        int loaded;
        int duplicates;
        int agents;
        int rejected;
        int databaseFailures;
        final List<String> failures = new ArrayList<>();

        void add(ReceivedAnswer answer, AccountSettings account) {
            String where = "answer received at " + answer.receivedAt();
            try {
                LoadOutcome outcome = pipeline.process(account, answer).outcome();
                switch (outcome.kind()) {
                    case LOADED -> {
                        loaded++;
                        agents += outcome.agents();
                        rejected += outcome.rejected();
                    }
                    case DUPLICATE -> duplicates++;
                    case REFUSED -> failures.add(where + ": " + outcome.reason());
                }
            } catch (DataAccessException e) {
                databaseFailures++;
                failures.add(where + ": database error: " + e.getMostSpecificCause().getMessage());
            }
        }
    }
}
