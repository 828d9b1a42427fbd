package io.convosowarehouse.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.convosowarehouse.load.LoadOutcome;

/** Tallies one poll cycle: what each scope's call gave. Kept in the job's execution context. */
final class CycleReport {

    private int scopes;
    private int loaded;
    private int duplicates;
    private int agents;
    private int rejected;
    private int sourceFailures;
    private int databaseFailures;
    private final List<String> failures = new ArrayList<>();

    void add(LoadOutcome outcome, String scope) {
        scopes++;
        switch (outcome.kind()) {
            case LOADED -> {
                loaded++;
                agents += outcome.agents();
                rejected += outcome.rejected();
            }
            case DUPLICATE -> duplicates++;
            case REFUSED -> {
                sourceFailures++;
                failures.add(scope + ": " + outcome.reason());
            }
        }
    }

    void sourceFailed(String scope, String reason) {
        scopes++;
        sourceFailures++;
        failures.add(scope + ": " + reason);
    }

    void databaseFailed(String scope, String reason) {
        scopes++;
        databaseFailures++;
        failures.add(scope + ": database error: " + reason);
    }

    /** COMPLETED, PARTIAL, SOURCE_FAILED or DATABASE_FAILED. */
    String exitCode() {
        if (sourceFailures + databaseFailures == 0) {
            return PollJobConfiguration.COMPLETED;
        }
        if (loaded + duplicates > 0) {
            return PollJobConfiguration.PARTIAL;
        }
        return databaseFailures > 0 ? PollJobConfiguration.DATABASE_FAILED : PollJobConfiguration.SOURCE_FAILED;
    }

    String summary() {
        String counts = scopes + " scope(s): " + loaded + " loaded, " + duplicates + " already loaded, "
                + (sourceFailures + databaseFailures) + " failed; " + agents + " agent rows, " + rejected + " rejected";
        return failures.isEmpty() ? counts : counts + "; " + String.join("; ", failures);
    }

    void writeTo(ExecutionContext context) {
        context.putInt("scopes", scopes);
        context.putInt("loaded", loaded);
        context.putInt("duplicates", duplicates);
        context.putInt("agents", agents);
        context.putInt("rejected", rejected);
        context.putInt("failed", sourceFailures + databaseFailures);
    }
}
