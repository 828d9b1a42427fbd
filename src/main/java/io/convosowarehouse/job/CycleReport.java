package io.convosowarehouse.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.source.Scope;

/**
 * Tallies one execution of a poll cycle: what each scope's call gave, kept in the job's execution
 * context; and which scopes the cycle has loaded so far, kept in the step's, which Spring Batch
 * hands to the next execution when a failed, stopped or abandoned cycle is run again.
 */
final class CycleReport {

    /** Scopes an earlier execution of this cycle loaded: not called again. */
    private final Set<String> doneBefore;
    private final Set<String> done;
    /** The campaign and queue scopes of the cycle, known once the account-wide call was made. */
    private List<Scope> narrower;

    private int scopes;
    private int loaded;
    private int duplicates;
    private int agents;
    private int rejected;
    private int sourceFailures;
    private int databaseFailures;
    private final List<String> failures = new ArrayList<>();
    private boolean stopped;

    private CycleReport(Set<String> doneBefore, List<Scope> narrower) {
        this.doneBefore = Set.copyOf(doneBefore);
        this.done = new LinkedHashSet<>(doneBefore);
        this.narrower = narrower;
    }

    /** Picks up what earlier executions of the cycle left in the step's execution context (nothing, the first time). */
    static CycleReport resumedFrom(ExecutionContext step) {
        CycleProgress before = CycleProgress.readFrom(step);
        return new CycleReport(new LinkedHashSet<>(before.done()), before.narrower());
    }

    /** Kept for a later execution of the same cycle, should this one fail or stop. */
    void saveProgressTo(ExecutionContext step) {
        new CycleProgress(List.copyOf(done), narrower).writeTo(step);
    }

    /**
     * The progress as it will be once {@code scope}'s answer commits, {@code narrower} being the cycle's
     * campaign and queue scopes then; this report is left as it is until {@link #add} says it did.
     */
    CycleProgress progressWith(Scope scope, List<Scope> narrower) {
        Set<String> after = new LinkedHashSet<>(done);
        after.add(scope.toString());
        return new CycleProgress(List.copyOf(after), List.copyOf(narrower));
    }

    boolean isDone(Scope scope) {
        return done.contains(scope.toString());
    }

    /** The cycle's campaign and queue scopes, as the last account-wide call of the cycle gave them. */
    List<Scope> narrower() {
        return narrower;
    }

    void narrower(List<Scope> scopes) {
        narrower = List.copyOf(scopes);
    }

    void add(LoadOutcome outcome, String scope) {
        scopes++;
        switch (outcome.kind()) {
            case LOADED -> {
                loaded++;
                agents += outcome.agents();
                rejected += outcome.rejected();
                done.add(scope);
            }
            case DUPLICATE -> {
                duplicates++;
                done.add(scope);
            }
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
    CycleOutcome outcome() {
        if (stopped) {
            return CycleOutcome.STOPPED;
        }
        if (sourceFailures + databaseFailures == 0) {
            return CycleOutcome.COMPLETED;
        }
        if (loaded + duplicates + doneBefore.size() > 0) {
            return CycleOutcome.PARTIAL;
        }
        return databaseFailures > 0 ? CycleOutcome.DATABASE_FAILED : CycleOutcome.SOURCE_FAILED;
    }

    String summary() {
        String counts = scopes + " scope(s): " + loaded + " loaded, " + duplicates + " already loaded, "
                + (sourceFailures + databaseFailures) + " failed; " + agents + " agent rows, " + rejected + " rejected";
        String all = failures.isEmpty() ? counts : counts + "; " + String.join("; ", failures);
        if (!doneBefore.isEmpty()) {
            all += "; " + doneBefore.size() + " scope(s) loaded by an earlier run of this cycle, not called again";
        }
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
