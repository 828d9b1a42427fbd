package io.convosowarehouse.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.convosowarehouse.cli.WarehouseCommandLine;
import io.convosowarehouse.job.StopSignal;

/**
 * Runs the real command line in-process, as {@code java -jar convoso-warehouse.jar ...} would,
 * with settings given as system properties (what environment variables are to a deployment), and
 * captures everything it prints, log lines included.
 */
public final class Cli {

    /**
     * What a command did: its exit code, stdout and stderr (log lines go to stdout), and the log
     * lines alone.
     */
    public record Result(int exitCode, String out, String err, String logs) {

        public String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    public static Result run(Map<String, String> settings, String... args) {
        Properties saved = (Properties) System.getProperties().clone();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            settings.forEach(System::setProperty);
            System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            int exitCode = WarehouseCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), new StopSignal(), args);
            String logLines = logs.toString(StandardCharsets.UTF_8);
            return new Result(exitCode, logLines + out, err.toString(), logLines);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setProperties(saved);
        }
    }

    public static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }
}
