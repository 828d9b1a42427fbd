package io.convosowarehouse.job;

import java.util.Arrays;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.convosowarehouse.source.Scope;

/**
 * Which scopes of a cycle have loaded, and its campaign and queue scopes once known: what the step's
 * execution context keeps, so that a cycle run again calls only the scopes that did not load.
 */
record CycleProgress(List<String> done, List<Scope> narrower) {

    private static final String DONE = "scopesDone";
    private static final String NARROWER = "narrowerScopes";

    /** What earlier executions of the cycle left in the step's execution context (nothing, the first time). */
    static CycleProgress readFrom(ExecutionContext step) {
        return new CycleProgress(split(step.getString(DONE, "")),
                split(step.getString(NARROWER, "")).stream().map(Scope::parse).toList());
    }

    void writeTo(ExecutionContext step) {
        step.putString(DONE, String.join(",", done));
        step.putString(NARROWER, String.join(",", narrower.stream().map(Scope::toString).toList()));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
