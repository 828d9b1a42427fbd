package io.convosowarehouse.job;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The one line every poll run ends with: what it did, in fields a log pipeline can index
 * (LOG_FORMAT=json turns them into JSON members) and in its text for people.
 */
public final class RunSummaryLog {

    private static final Logger log = LoggerFactory.getLogger("io.convosowarehouse.run-summary");

    private RunSummaryLog() {
    }

    public static void write(List<String> accounts, int samples, CycleCounts counts, int retries, Duration took, int exitCode) {
        LoggingEventBuilder line = log.atInfo()
                .addKeyValue("accounts", String.join(",", accounts))
                .addKeyValue("samples", samples)
                .addKeyValue("scopes", counts.scopes())
                .addKeyValue("snapshots_loaded", counts.loaded())
                .addKeyValue("snapshots_already_loaded", counts.duplicates())
                .addKeyValue("scopes_failed", counts.failed())
                .addKeyValue("agents", counts.agents())
                .addKeyValue("rejected_records", counts.rejected())
                .addKeyValue("retries", retries)
                .addKeyValue("duration_ms", took.toMillis())
                .addKeyValue("exit_code", exitCode);
        line.log("run summary: accounts={} samples={} scopes={} snapshots_loaded={} snapshots_already_loaded={} "
                + "scopes_failed={} agents={} rejected_records={} retries={} duration_ms={} exit_code={}",
                String.join(",", accounts), samples, counts.scopes(), counts.loaded(), counts.duplicates(), counts.failed(),
                counts.agents(), counts.rejected(), retries, took.toMillis(), exitCode);
    }
}
