package io.convosowarehouse.simulator.model;

import java.util.Arrays;

/** Seconds spent in, and number of spans entered for, each {@link AgentStatus}. */
public final class StateTotals {

    static final StateTotals ZERO = new StateTotals(new long[AgentStatus.values().length],
            new long[AgentStatus.values().length]);

    private final long[] seconds;
    private final long[] entered;

    StateTotals(long[] seconds, long[] entered) {
        this.seconds = seconds.clone();
        this.entered = entered.clone();
    }

    public long seconds(AgentStatus status) {
        return seconds[status.ordinal()];
    }

    public long entered(AgentStatus status) {
        return entered[status.ordinal()];
    }

    public long totalSeconds() {
        return Arrays.stream(seconds).sum();
    }

    StateTotals plus(StateTotals other) {
        return combine(other, 1);
    }

    StateTotals minus(StateTotals other) {
        return combine(other, -1);
    }

    private StateTotals combine(StateTotals other, int sign) {
        long[] s = new long[seconds.length];
        long[] e = new long[entered.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = seconds[i] + sign * other.seconds[i];
            e[i] = entered[i] + sign * other.entered[i];
        }
        return new StateTotals(s, e);
    }
}
