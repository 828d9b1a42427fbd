package io.convosowarehouse.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.convosowarehouse.load.ArchivedBody;
import io.convosowarehouse.load.BulkPathProbe;
import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.parse.AgentMonitorParser;
import io.convosowarehouse.parse.ConvosoTime;
import io.convosowarehouse.parse.ParsedAnswer;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.pipeline.ProcessedAnswer;
import io.convosowarehouse.source.ReceivedAnswer;

/**
 * Ingests consecutive simulated minutes through the real {@link AnswerPipeline#process} and, for
 * each answer, writes the very same rows by plain COPY and by INSERT … unnest into bare tables, and
 * once more through the loader's own bulk path alone ({@link BulkPathProbe}, in a database of its own), so all
 * four are timed side by side under the same machine load. Everything the pipeline does
 * not need (generating the answer, building the baselines' input) happens outside the timers.
 */
final class IngestBenchmark {

    /** The timings of one account size over its measured minutes. */
    record SizeResult(int agents, int snapshots, long rows, Samples pipeline, Samples parse, Samples copy,
            Samples bulkPath, Samples unnest, Samples gzipAndHash, List<StatementTimings.Kind> statements) {

        double rowsPerSnapshot() {
            return (double) rows / snapshots;
        }

        /** Milliseconds per snapshot spent in one kind of work, averaged over the measured snapshots. */
        double millisPerSnapshot(long nanos) {
            return nanos / 1e6 / snapshots;
        }
    }

    private final AnswerPipeline pipeline;
    private final AgentMonitorParser parser;
    private final StatementTimings timings;
    private final PlainCopy plainCopy;
    private final BulkPathProbe bulkPath;
    private final UnnestInsert unnest;
    private final NaiveJsonLayout naive;
    private final LabelCache labels;
    private final BenchmarkOptions options;

    IngestBenchmark(AnswerPipeline pipeline, AgentMonitorParser parser, StatementTimings timings, Connection baseline,
            BulkPathProbe bulkPath, BenchmarkOptions options) throws SQLException {
        this.pipeline = pipeline;
        this.bulkPath = bulkPath;
        this.parser = parser;
        this.timings = timings;
        this.plainCopy = new PlainCopy(baseline, BaselineTables.COPY_TABLE, BaselineRows.COLUMNS);
        this.unnest = new UnnestInsert(baseline, BaselineTables.UNNEST_TABLE, UnnestInsert.columnTypes(baseline));
        this.naive = new NaiveJsonLayout(baseline);
        this.labels = new LabelCache(baseline);
        this.options = options;
    }

    SizeResult run(int agents) throws SQLException {
        SimulatedAccount account = new SimulatedAccount("bench-" + agents, agents);
        short accountId = pipeline.accountId(account.settings());
        Samples pipelineTimes = new Samples();
        Samples parseTimes = new Samples();
        Samples copyTimes = new Samples();
        Samples bulkPathTimes = new Samples();
        Samples unnestTimes = new Samples();
        Samples gzipTimes = new Samples();
        long rows = 0;
        for (int minute = 0; minute < options.warmupMinutes() + options.measuredMinutes(); minute++) {
            boolean measured = minute >= options.warmupMinutes();
            if (minute == options.warmupMinutes()) {
                timings.reset();
            }
            ReceivedAnswer answer = account.answerAt(minute);

            long start = System.nanoTime();
            ProcessedAnswer processed = pipeline.process(account.settings(), answer);
            long pipelineNanos = System.nanoTime() - start;
            LoadOutcome outcome = processed.outcome();
            if (outcome.kind() != LoadOutcome.Kind.LOADED) {
                throw new IllegalStateException("minute " + minute + " was not loaded: " + outcome);
            }

            start = System.nanoTime();
            ParsedAnswer parsed = (ParsedAnswer) parser.parse(answer.body(),
                    new ConvosoTime(SimulatedAccount.ZONE), answer.receivedAt());
            long parseNanos = System.nanoTime() - start;

            List<Object[]> baselineRows = BaselineRows.of(outcome.snapshotId(), parsed.observedAt(), accountId,
                    parsed.agents(), labels);
            long copyNanos = plainCopy.copy(CopyText.of(baselineRows));
            long bulkPathNanos = bulkPath.time(outcome.snapshotId(), parsed.observedAt(), accountId, parsed.agents());
            long unnestNanos = unnest.insert(baselineRows);
            long gzipNanos = gzipAndHash(answer.body());
            naive.load(outcome.snapshotId(), parsed.observedAt(), answer.body());

            if (measured) {
                pipelineTimes.add(pipelineNanos);
                parseTimes.add(parseNanos);
                copyTimes.add(copyNanos);
                bulkPathTimes.add(bulkPathNanos);
                unnestTimes.add(unnestNanos);
                gzipTimes.add(gzipNanos);
                rows += outcome.agents();
            }
        }
        return new SizeResult(agents, options.measuredMinutes(), rows, pipelineTimes, parseTimes, copyTimes,
                bulkPathTimes, unnestTimes, gzipTimes, timings.kinds());
    }

    /** What the raw archive costs in CPU, computed alongside the parse: the very ArchivedBody the pipeline makes. */
    private static long gzipAndHash(byte[] body) {
        long start = System.nanoTime();
        ArchivedBody.of(body);
        return System.nanoTime() - start;
    }
}
