package io.convosowarehouse.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * How much to measure. The full run is what the integrator compares; {@code --quick} checks that
 * every section still works in under two minutes, with too few samples to trust.
 *
 * @param warmupMinutes   simulated minutes ingested (per agent count) before any timing, for the JIT
 * @param measuredMinutes simulated minutes timed per agent count
 * @param reportDays      days of synthesized derived data for the report latencies
 * @param pollRuns        process runs per start-up variant (the median is reported)
 * @param reportsDir      where the report files are looked for at run time
 * @param migrationsDir   the migrations the report database gets (the reports' views live there)
 */
record BenchmarkOptions(boolean quick, List<Integer> agentCounts, int warmupMinutes, int measuredMinutes,
        int reportDays, int pollRuns, Path reportsDir, Path migrationsDir, Path jar) {

    static BenchmarkOptions parse(String[] args) {
        boolean quick = false;
        Path reports = Path.of("sql-reports");
        Path migrations = Path.of("db", "migration");
        Path jar = Path.of("target", "convoso-warehouse.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--reports" -> reports = Path.of(args[++i]);
                case "--migrations" -> migrations = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use [--quick] [--reports DIR] [--migrations DIR] [--jar FILE]");
            }
        }
        return quick
                ? new BenchmarkOptions(true, List.of(1_000, 5_000), 2, 5, 7, 1, reports, migrations, jar)
                : new BenchmarkOptions(false, List.of(1_000, 5_000), 5, 20, 30, 3, reports, migrations, jar);
    }
}
