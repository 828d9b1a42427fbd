package io.convosowarehouse.archive;

import java.io.PrintWriter;
import java.time.Duration;

/** Prints done/total, rate and ETA at most every few seconds while a long replay runs. */
final class ReplayProgress {

    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter out;
    private final int total;
    private final long started = System.nanoTime();
    private long lastReport = started;

    ReplayProgress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    void done(int done) {
        long now = System.nanoTime();
        if (now - lastReport < REPORT_EVERY_NANOS && done < total) {
            return;
        }
        lastReport = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        long etaSeconds = rate > 0 ? Math.round((total - done) / rate) : 0;
        out.printf("  replay: %d/%d answers, %.1f/s, ETA %d:%02d%n", done, total, rate, etaSeconds / 60, etaSeconds % 60);
        out.flush();
    }
}
