package io.convosowarehouse.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipException;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.SavedAnswerReader;
import io.convosowarehouse.source.Scope;

/**
 * Loads saved answers from files through the same pipeline as the live poll, each into its own account: the
 * configured account its envelope names (export-raw names it), else the one account selected. Answers of an account
 * that is not configured are not loaded into another: their times would be read in the wrong time zone and their
 * agents mixed into another account's shifts.
 */
@Component
public class FileIngest {

    /**
     * The accounts answers may go to.
     *
     * @param chosen whether the user chose them (--account): answers of other accounts are then skipped on purpose
     */
    public record AccountChoice(List<AccountSettings> selected, boolean chosen) {

        private AccountSettings named(String name) {
            return selected.stream().filter(account -> account.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * What one file gave. A file fails as a whole only when none of its answers could be loaded.
     *
     * @param otherAccounts answers of accounts the user did not choose, skipped
     * @param unconfigured  per account name that is not configured, its answers, not loaded
     * @param unreadable    the file itself could not be read (not gzip, no permission, cut short)
     */
    public record FileResult(Path file, int loaded, int duplicates, int agents, int rejected, List<String> failures,
            int databaseFailures, int otherAccounts, Map<String, Integer> unconfigured, boolean unreadable) {

        /** Whether every answer meant to be loaded was. */
        public boolean complete() {
            return failures.isEmpty() && unconfigured.isEmpty();
        }

        public boolean failed() {
            return loaded + duplicates == 0 && !complete();
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

    public FileResult ingest(AccountChoice accounts, Path file, Scope scope, Instant receivedAt) {
        Tally tally = new Tally();
        try {
            reader.read(file, scope, receivedAt, new SavedAnswerReader.Sink() {
                @Override
                public void answer(ReceivedAnswer answer, String accountName) {
                    tally.add(answer, accountName, accounts);
                }

                @Override
                public void unreadable(String where, String reason) {
                    tally.failures.add(where + ": " + reason);
                }
            });
        } catch (ZipException e) {
            tally.unreadable = true;
            tally.failures.add(file + ": cannot read: not gzip-compressed (" + e.getMessage() + "); a plain-text file is named .ndjson");
        } catch (IOException e) {
            tally.unreadable = true;
            tally.failures.add(file + ": cannot read: " + e.getMessage());
        }
        return new FileResult(file, tally.loaded, tally.duplicates, tally.agents, tally.rejected, List.copyOf(tally.failures),
                tally.databaseFailures, tally.otherAccounts, Map.copyOf(tally.unconfigured), tally.unreadable);
    }

    private final class Tally {
        int loaded;
        int duplicates;
        int agents;
        int rejected;
        int databaseFailures;
        int otherAccounts;
        boolean unreadable;
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> unconfigured = new TreeMap<>();

        void add(ReceivedAnswer answer, String accountName, AccountChoice accounts) {
            String where = "answer received at " + answer.receivedAt();
            AccountSettings account;
            if (accountName == null) {
                if (accounts.selected().size() != 1) {
                    failures.add(where + ": it names no account and several are configured: choose one with --account");
                    return;
                }
                account = accounts.selected().get(0);
            } else {
                account = accounts.named(accountName);
                if (account == null) {
                    if (accounts.chosen()) {
                        otherAccounts++;
                    } else {
                        unconfigured.merge(accountName, 1, Integer::sum);
                    }
                    return;
                }
            }
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
