package io.convosowarehouse.benchmark;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * @param jar             the jar the poll section runs, relative to a source tree
 * @param baseline        a source tree of the previous code with its jar built ({@code --baseline}), or null
 * @param growthInterval  minutes between the polls of the growth section's simulated week
 * @param sections        the sections to run ({@code --only}), all by default
 */
record BenchmarkOptions(boolean quick, List<Integer> agentCounts, int warmupMinutes, int measuredMinutes,
        int reportDays, int pollRuns, Path reportsDir, Path migrationsDir, Path jar, Path baseline, int growthInterval,
        Set<Section> sections) {

    /** What can be run alone; storage is measured on the rows the ingest section loads, so it comes with it. */
    enum Section {
        INGEST, REPORTS, POLL, PAGE, GROWTH
    }

    static BenchmarkOptions parse(String[] args) {
        boolean quick = false;
        Path reports = Path.of("sql-reports");
        Path migrations = Path.of("db", "migration");
        Path jar = Path.of("target", "convoso-warehouse.jar");
        Path baseline = null;
        Set<Section> sections = EnumSet.allOf(Section.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--reports" -> reports = Path.of(args[++i]);
                case "--migrations" -> migrations = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--baseline" -> baseline = Path.of(args[++i]).toAbsolutePath();
                case "--only" -> {
                    sections = EnumSet.noneOf(Section.class);
                    for (String name : args[++i].split(",")) {
                        sections.add(Section.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use [--quick] [--only SECTION[,SECTION…]] (ingest, reports, poll, page, growth) [--reports DIR] [--migrations DIR] [--jar FILE]"
                        + " [--baseline DIR]");
            }
        }
        return quick
                ? new BenchmarkOptions(true, List.of(1_000, 5_000), 2, 5, 7, 1, reports, migrations, jar, baseline, 60, sections)
                : new BenchmarkOptions(false, List.of(1_000, 5_000, 10_000), 5, 20, 30, 5, reports, migrations, jar, baseline, 30,
                        sections);
    }
}
