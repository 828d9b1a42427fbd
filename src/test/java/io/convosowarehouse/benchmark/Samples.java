package io.convosowarehouse.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of repeated runs of one thing, in nanoseconds, and the statistics the table shows. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    long totalNanos() {
        return nanos.stream().mapToLong(Long::longValue).sum();
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    /** Nearest-rank percentile: with 20 samples p95 is the 19th smallest, never an interpolation. */
    double percentileMillis(int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** Items per second over the summed durations. */
    double perSecond(long items) {
        long total = totalNanos();
        return total == 0 ? Double.NaN : items / (total / 1e9);
    }
}
