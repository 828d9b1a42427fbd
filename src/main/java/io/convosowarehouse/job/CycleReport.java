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
    private boolean stopped;

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

    /** A stop was requested: the scopes not yet polled are left for the next cycle. */
    void stopped() {
        stopped = true;
    }

    boolean wasStopped() {
        return stopped;
    }

    /** COMPLETED, PARTIAL, SOURCE_FAILED, DATABASE_FAILED or STOPPED. */
    String exitCode() {
        if (stopped) {
            return PollJobConfiguration.STOPPED;
        }
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
        String all = failures.isEmpty() ? counts : counts + "; " + String.join("; ", failures);
        return stopped ? all + "; stopped before the remaining scopes" : all;
    }

    /** The cycle's numbers, as the job execution context keeps them. */
    static CycleCounts readFrom(ExecutionContext context) {
        return new CycleCounts(context.getInt("scopes", 0), context.getInt("loaded", 0), context.getInt("duplicates", 0),
                context.getInt("agents", 0), context.getInt("rejected", 0), context.getInt("failed", 0));
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
