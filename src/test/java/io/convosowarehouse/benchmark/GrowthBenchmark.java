package io.convosowarehouse.benchmark;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.archive.ArchiveReplay;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.pipeline.DerivedFactsRebuild;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * How the cost of {@code replay} and {@code rebuild-derived} grows with the days they cover: a simulated week of
 * one account polled at a fixed interval through the real pipeline, then each command's work (the beans the
 * commands call, in the production context) over the week's last day and over the whole week. Seven days should
 * cost about seven times one. Each day's ingest is timed too, so a day that costs more than the first shows.
 */
final class GrowthBenchmark {

    static final int AGENTS = 100;
    static final int DAYS = 7;
    /** Seven days may cost up to this many times one before the row fails (a little over 7 for noise). */
    static final double MAX_WEEK_TO_DAY = 8.5;

    private final BenchmarkOptions options;

    GrowthBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    void run(ResultTable table) throws Exception {
        String section = "growth";
        SimulatedAccount account = new SimulatedAccount("growth", AGENTS);
        Instant start = SimulatedAccount.BUSY_MORNING.atZone(SimulatedAccount.ZONE).toInstant();
        Instant lastDay = start.plus(Duration.ofDays(DAYS - 1));
        Instant end = start.plus(Duration.ofDays(DAYS));
        try (TestDatabase database = TestDatabase.migrated("benchmark_growth");
                ConfigurableApplicationContext context = BenchmarkContext.start(database, new StatementTimings())) {
            AnswerPipeline pipeline = context.getBean(AnswerPipeline.class);
            int pollsPerDay = 24 * 60 / options.growthInterval();
            double[] ingestSec = new double[DAYS];
            for (int day = 0; day < DAYS; day++) {
                long began = System.nanoTime();
                for (int poll = 0; poll < pollsPerDay; poll++) {
                    int minute = day * 24 * 60 + poll * options.growthInterval();
                    LoadOutcome outcome = pipeline.process(account.settings(), account.answerAt(minute)).outcome();
                    if (outcome.kind() != LoadOutcome.Kind.LOADED) {
                        throw new IllegalStateException("minute " + minute + " was not loaded: " + outcome);
                    }
                }
                ingestSec[day] = (System.nanoTime() - began) / 1e9;
            }
            table.measured(section, String.format(Locale.ROOT, "ingest of day 1 / day %d (%d agents, %d polls a day)", DAYS,
                    AGENTS, pollsPerDay), String.format(Locale.ROOT, "%.1f s / %.1f s", ingestSec[0], ingestSec[DAYS - 1]));

            DerivedFactsRebuild rebuild = context.getBean(DerivedFactsRebuild.class);
            double rebuildDay = seconds(() -> rebuild.rebuild(account.settings(), lastDay, end));
            double rebuildWeek = seconds(() -> rebuild.rebuild(account.settings(), start, end));
            ratio(table, section, "rebuild-derived", rebuildDay, rebuildWeek);

            ArchiveReplay replay = context.getBean(ArchiveReplay.class);
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            double replayDay = seconds(() -> replay.replay(lastDay, end, "growth", quiet));
            double replayWeek = seconds(() -> replay.replay(start, end, "growth", quiet));
            ratio(table, section, "replay", replayDay, replayWeek);
        }
        table.note("growth: " + AGENTS + " agents polled every " + options.growthInterval() + " min for " + DAYS
                + " simulated days through the pipeline; 'one day' is the week's last day, 'seven' the whole week; "
                + "replay and rebuild-derived run in the benchmark's JVM (no process start).");
    }

    private static void ratio(ResultTable table, String section, String command, double day, double week) {
        table.checked(section, command + " of one day / of " + DAYS + " days",
                String.format(Locale.ROOT, "%.1f s / %.1f s (%.1f×)", day, week, week / day),
                String.format(Locale.ROOT, "<= %.1f×", MAX_WEEK_TO_DAY), week / day <= MAX_WEEK_TO_DAY);
    }

    private static double seconds(Runnable work) {
        long began = System.nanoTime();
        work.run();
        return (System.nanoTime() - began) / 1e9;
    }
}
