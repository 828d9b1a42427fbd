package io.convosowarehouse.benchmark;

import java.util.Locale;

/** Puts one account size's ingest timings into the table: throughput, the ratio to COPY, and where the time went. */
final class IngestResults {

    static final double COPY_RATIO_TARGET = 0.50;

    private IngestResults() {
    }

    static void addTo(ResultTable table, IngestBenchmark.SizeResult r) {
        String section = String.format(Locale.ROOT, "ingest %,d agents", r.agents());
        double ours = r.pipeline().perSecond(r.rows());
        double copy = r.copy().perSecond(r.rows());
        table.measured(section, "agent rows per answer (mean) × answers timed",
                String.format(Locale.ROOT, "%,.0f × %d", r.rowsPerSnapshot(), r.snapshots()));
        table.measured(section, "pipeline (parse+load+COPY+derive) rows/s", ResultTable.fmt("%,.0f", ours));
        table.measured(section, "plain COPY (text) into a bare table rows/s", ResultTable.fmt("%,.0f", copy));
        table.atLeast(section, "ours / plain COPY", 100 * ours / copy, 100 * COPY_RATIO_TARGET, "%.0f %%");
        double bulkPath = r.bulkPath().perSecond(r.rows());
        table.measured(section, "our bulk path alone (parsed rows encoded and streamed by binary COPY into the partitioned, keyed "
                + "agent_snapshot) rows/s", ResultTable.fmt("%,.0f", bulkPath));
        table.measured(section, "our bulk path / plain COPY", ResultTable.fmt("%.0f %%", 100 * bulkPath / copy));
        table.measured(section, "INSERT … SELECT FROM unnest(arrays) rows/s",
                ResultTable.fmt("%,.0f", r.unnest().perSecond(r.rows())));
        table.measured(section, "snapshot latency median / p95",
                String.format(Locale.ROOT, "%.0f / %.0f ms", r.pipeline().medianMillis(), r.pipeline().percentileMillis(95)));
        double total = r.millisPerSnapshot(r.pipeline().totalNanos());
        double parse = r.millisPerSnapshot(r.parse().totalNanos());
        double archive = r.millisPerSnapshot(r.gzipAndHash().totalNanos());
        double statements = 0;
        table.measured(section, "  of which parse (AgentMonitorParser.parse alone)", share(parse, total));
        table.measured(section, "  alongside the parse, on another core: gzip + SHA-256 of the body", share(archive, total));
        for (StatementTimings.Kind kind : r.statements()) {
            double ms = r.millisPerSnapshot(kind.nanos());
            statements += ms;
            if (ms >= 0.2) {
                table.measured(section, "  of which SQL `" + kind.statement() + "` ×"
                        + Math.round((double) kind.count() / r.snapshots()), share(ms, total));
            }
        }
        table.measured(section, "  of which rest: binary COPY of agent rows, label lookups, tx",
                share(total - parse - statements, total));
    }

    private static String share(double millis, double total) {
        return String.format(Locale.ROOT, "%.1f ms (%.0f %%)", millis, 100 * millis / total);
    }
}
