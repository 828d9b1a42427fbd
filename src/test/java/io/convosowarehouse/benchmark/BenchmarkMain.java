package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.benchmark.BenchmarkOptions.Section;
import io.convosowarehouse.load.BulkPathProbe;
import io.convosowarehouse.load.LabelDictionary;
import io.convosowarehouse.parse.AgentMonitorParser;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The performance benchmark: ingest throughput against plain COPY, storage against a naive JSON
 * layout, report latency over synthesized weeks, and the start-to-exit cost of one {@code poll}.
 * Prints one markdown table (also written to target/benchmark.md). See README.md beside it.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        // jOOQ's banner and tips would land between the progress lines and the table.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        long started = System.nanoTime();
        ResultTable table = new ResultTable();
        MachineInfo machine;
        try (TestDatabase database = TestDatabase.migrated("benchmark");
                Connection baseline = connect(database)) {
            machine = MachineInfo.of(database.dsl());
            if (options.sections().contains(Section.INGEST)) {
                ingestAndStorage(options, database, baseline, table);
            }
        }
        if (options.sections().contains(Section.REPORTS)) {
            progress("reports");
            new ReportBenchmark(options).run(table);
        }
        if (options.sections().contains(Section.POLL)) {
            progress("poll cycle");
            new PollCycleBenchmark(options).run(table);
        }
        if (options.sections().contains(Section.GROWTH)) {
            progress("growth");
            new GrowthBenchmark(options).run(table);
        }
        if (options.sections().contains(Section.PAGE)) {
            progress("timeline page");
            new PageBenchmark(options).run(table);
        }

        table.note(String.format(java.util.Locale.ROOT, "benchmark took %.0f s%s", (System.nanoTime() - started) / 1e9,
                options.quick() ? " (--quick: few samples, for checking only)" : ""));
        String output = "# convoso-warehouse benchmark\n\n" + machine.markdown() + "\n" + table.markdown();
        System.out.println(output);
        write(output);
    }

    private static void ingestAndStorage(BenchmarkOptions options, TestDatabase database, Connection baseline,
            ResultTable table) throws Exception {
        BaselineTables.create(baseline);
        StatementTimings timings = new StatementTimings();
        try (ConfigurableApplicationContext context = BenchmarkContext.start(database, timings);
                TestDatabase probeDatabase = TestDatabase.migrated("benchmark_bulk_path");
                Connection probeConnection = connect(probeDatabase)) {
            IngestBenchmark ingest = new IngestBenchmark(context.getBean(AnswerPipeline.class),
                    context.getBean(AgentMonitorParser.class), timings, baseline,
                    new BulkPathProbe(context.getBean(LabelDictionary.class), probeConnection), options);
            for (int agents : options.agentCounts()) {
                progress("ingest " + agents + " agents");
                IngestResults.addTo(table, ingest.run(agents));
            }
        }
        progress("storage");
        StorageBenchmark.measure(baseline, table);
    }

    private static Connection connect(TestDatabase database) throws Exception {
        PostgresServer server = PostgresServer.get();
        return DriverManager.getConnection(database.url(), server.user(), server.password());
    }

    private static void progress(String step) {
        System.err.println("benchmark: " + step + " …");
    }

    private static void write(String output) throws IOException {
        Path file = Path.of("target", "benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, output, StandardCharsets.UTF_8);
    }
}
