package io.convosowarehouse.simulator.model;

import java.util.List;

/**
 * One agent's session: contiguous state spans from login to logout, with prefix sums so the state
 * totals at any second are a lookup rather than a replay.
 */
public final class AgentTimeline {

    private final List<StateSpan> spans;
    private final List<CallRecord> calls;
    /** totalsBefore[i] = totals of spans 0..i-1. */
    private final StateTotals[] totalsBefore;

    AgentTimeline(List<StateSpan> spans, List<CallRecord> calls) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a session has at least one span");
        }
        this.spans = List.copyOf(spans);
        this.calls = List.copyOf(calls);
        this.totalsBefore = new StateTotals[spans.size() + 1];
        int statuses = AgentStatus.values().length;
        long[] seconds = new long[statuses];
        long[] entered = new long[statuses];
        totalsBefore[0] = StateTotals.ZERO;
        for (int i = 0; i < spans.size(); i++) {
            StateSpan span = spans.get(i);
            seconds[span.status().ordinal()] += span.length();
            entered[span.status().ordinal()]++;
            totalsBefore[i + 1] = new StateTotals(seconds, entered);
        }
    }

    public long login() {
        return spans.get(0).start();
    }

    public long logout() {
        return spans.get(spans.size() - 1).end();
    }

    boolean isLoggedInAt(long second) {
        return login() <= second && second < logout();
    }

    public List<CallRecord> calls() {
        return calls;
    }

    public List<StateSpan> spans() {
        return spans;
    }

    /** The span containing {@code second}; only valid while logged in. */
    StateSpan spanAt(long second) {
        return spans.get(indexAt(second));
    }

    /** Seconds in [login, second) per state, and spans entered at or before {@code second}. */
    StateTotals totalsUntil(long second) {
        if (second < login()) {
            return StateTotals.ZERO;
        }
        if (second >= logout()) {
            return totalsBefore[spans.size()];
        }
        int index = indexAt(second);
        StateSpan span = spans.get(index);
        long[] partialSeconds = new long[AgentStatus.values().length];
        long[] partialEntered = new long[AgentStatus.values().length];
        partialSeconds[span.status().ordinal()] = second - span.start();
        partialEntered[span.status().ordinal()] = 1;
        return totalsBefore[index].plus(new StateTotals(partialSeconds, partialEntered));
    }

    private int indexAt(long second) {
        int low = 0;
        int high = spans.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (spans.get(mid).start() <= second) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
