package io.convosowarehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.report.ReportCatalog;
import io.convosowarehouse.report.ReportDefinition;
import io.convosowarehouse.report.ReportFormat;
import io.convosowarehouse.report.ReportResult;
import io.convosowarehouse.report.ReportRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {
        "Run a canned report of sql-reports/ (the same file psql runs) and print its rows.",
        "--from and --to are local dates or times in the account's time zone; --to is exclusive.",
        "Without --account every account is reported, each in its own time zone."})
class ReportCommand implements Callable<Integer> {

    private static final Set<Integer> BUCKETS = Set.of(15, 30, 60, 1440);

    @Mixin
    CommonOptions common;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account (default: every account in the warehouse).")
    String account;

    @Option(names = "--list", description = "List the reports with their descriptions and exit.")
    boolean list;

    @Option(names = "--from", paramLabel = "DATE|TIME", description = "Start (inclusive), e.g. 2025-05-28 or 2025-05-28T09:00.")
    String from;

    @Option(names = "--to", paramLabel = "DATE|TIME", description = "End (exclusive), e.g. 2025-05-29.")
    String to;

    @Option(names = "--bucket", paramLabel = "MINUTES",
            description = "Bucket length for bucketed reports: 15, 30, 60, or 1440 for a day (default: the report's).")
    Integer bucket;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any other report parameter, e.g. pause_over_sec=600.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or html (a self-contained page; charts for shift_timeline and staffing_heatmap)"
                    + " (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path outFile;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The report to run (see --list).")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportCatalog catalog = ReportCatalog.fromClasspath();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            catalog.all().forEach(report -> out.printf("%-22s %s%n", report.name(), report.description()));
            out.flush();
            return ExitCode.OK.code();
        }
        if (name == null) {
            throw new CommandFailure(ExitCode.USAGE, "say which report to run; reports: " + names(catalog));
        }
        ReportDefinition report = catalog.find(name).orElseThrow(() -> new CommandFailure(ExitCode.USAGE,
                "no report named '" + name + "'; reports: " + names(catalog)));
        ReportFormat outputFormat = outputFormat();
        Map<String, String> parameters = parameters(report);
        // like every command it applies pending migrations first, unless SPRING_FLYWAY_ENABLED=false
        // (needed with a read-only login such as one in warehouse_reader)
        try (ConfigurableApplicationContext context = common.startContext()) {
            // '' means every account
            if (!"".equals(account)) {
                common.requireAccountInWarehouse(context, account);
            }
            ReportResult result = context.getBean(ReportRunner.class).run(report, parameters);
            if (outFile == null) {
                outputFormat.renderer().render(report.name(), result, out);
            } else {
                write(report, outputFormat, result);
                out.println("Wrote " + outFile.toAbsolutePath());
                out.flush();
            }
            return ExitCode.OK.code();
        }
    }

    private void write(ReportDefinition report, ReportFormat outputFormat, ReportResult result) {
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))) {
            outputFormat.renderer().render(report.name(), result, file);
            if (file.checkError()) {
                throw new CommandFailure(ExitCode.USAGE, "--out " + outFile + ": could not write the file");
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, "--out " + outFile + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private Map<String, String> parameters(ReportDefinition report) {
        Map<String, String> parameters = new LinkedHashMap<>(params);
        putChecked(parameters, "from", from);
        putChecked(parameters, "to", to);
        // reports read the account by its configured name; '' means every account
        putChecked(parameters, "account", account);
        if (bucket != null) {
            if (!BUCKETS.contains(bucket)) {
                throw new CommandFailure(ExitCode.USAGE, "--bucket must be 15, 30, 60 or 1440, not " + bucket);
            }
            putChecked(parameters, "bucket", bucket.toString());
        }
        Set<String> known = report.parameters();
        for (String parameter : parameters.keySet()) {
            if (!known.contains(parameter)) {
                throw new CommandFailure(ExitCode.USAGE, "report " + report.name() + " has no parameter '" + parameter
                        + "'; its parameters: " + String.join(", ", known));
            }
        }
        for (String required : report.requiredParameters()) {
            if (!parameters.containsKey(required)) {
                throw new CommandFailure(ExitCode.USAGE, "report " + report.name() + " needs --" + required);
            }
        }
        requireForward(parameters.get("from"), parameters.get("to"));
        return parameters;
    }

    /** Refuses an empty or backwards range, as the commands that take instants do: it could only report nothing. */
    private static void requireForward(String from, String to) {
        LocalDateTime start = localDateOrTime("--from", from);
        LocalDateTime end = localDateOrTime("--to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new CommandFailure(ExitCode.USAGE, "--from " + from + " must be before --to " + to + "; nothing was done");
        }
    }

    private static void putChecked(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            if (parameters.containsKey(key)) {
                throw new CommandFailure(ExitCode.USAGE, "give " + key + " once: as --" + key + ", not also as --param");
            }
            parameters.put(key, value);
        }
    }

    /** Accepts what the SQL's cast to timestamp accepts without ambiguity: a date or a local date-time. */
    private static LocalDateTime localDateOrTime(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T'));
            } catch (DateTimeParseException notADateTime) {
                throw new CommandFailure(ExitCode.USAGE, option + ": '" + value
                        + "' is not a local date or time such as 2025-05-28 or 2025-05-28T09:00 (no offset: times are the account's)");
            }
        }
    }

    private ReportFormat outputFormat() {
        try {
            return ReportFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--format must be table, csv, json or html, not '" + format + "'");
        }
    }

    private static String names(ReportCatalog catalog) {
        return catalog.all().stream().map(ReportDefinition::name).collect(Collectors.joining(", "));
    }
}
