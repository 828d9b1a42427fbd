package io.convosowarehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.exit.ExitCode;
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
        "--from and --to are local dates or times in the account's time zone, or instants with an offset; --to is exclusive.",
        "Without --account every account is reported, each in its own time zone: a local time means each one's own."})
class ReportCommand implements Callable<Integer> {

    private static final Set<Integer> BUCKETS = Set.of(15, 30, 60, 1440);

    @Mixin
    CommonOptions common;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account (default: every account in the warehouse).")
    String account;

    @Option(names = "--list", description = "List the reports with their descriptions and exit.")
    boolean list;

    @Mixin
    PeriodOptions period;

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
            Map<String, ZoneId> zones = common.timeZonesInWarehouse(context, "".equals(account) ? null : account);
            putLocalPeriod(parameters, zones);
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
        period.from = periodBound("from", period.from, parameters.remove("from"));
        period.to = periodBound("to", period.to, parameters.remove("to"));
        // reports read the account by its configured name; '' means every account
        putChecked(parameters, "account", account);
        if (bucket != null) {
            if (!BUCKETS.contains(bucket)) {
                throw new CommandFailure(ExitCode.USAGE, "--bucket must be 15, 30, 60 or 1440, not " + bucket);
            }
            putChecked(parameters, "bucket", bucket.toString());
        }
        Set<String> known = report.parameters();
        Set<String> given = new LinkedHashSet<>(parameters.keySet());
        if (period.from != null) {
            given.add("from");
        }
        if (period.to != null) {
            given.add("to");
        }
        for (String parameter : given) {
            if (!known.contains(parameter)) {
                throw new CommandFailure(ExitCode.USAGE, "report " + report.name() + " has no parameter '" + parameter
                        + "'; its parameters: " + String.join(", ", known));
            }
        }
        for (String required : report.requiredParameters()) {
            if (!given.contains(required)) {
                throw new CommandFailure(ExitCode.USAGE, "report " + report.name() + " needs --" + required);
            }
        }
        // an empty or backwards period could only report nothing: refused, as by every command with a period
        period.requireForward();
        return parameters;
    }

    /** An end of the period, given as --from or --to, or as --param from= or to=. */
    private static PeriodBound periodBound(String key, PeriodBound option, String param) {
        if (param == null) {
            return option;
        }
        if (option != null) {
            throw new CommandFailure(ExitCode.USAGE, "give " + key + " once: as --" + key + ", not also as --param");
        }
        try {
            return PeriodBound.parse(param);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new CommandFailure(ExitCode.USAGE, "--param " + key + ": " + e.getMessage());
        }
    }

    /**
     * The period as the reports take it: local times, which each report reads in each account's time zone. A
     * local form is passed as it is, so that without --account it means each account's own local time; an
     * instant becomes the local time that means it, which it can only do for accounts that share one time zone.
     */
    private void putLocalPeriod(Map<String, String> parameters, Map<String, ZoneId> zones) {
        boolean oneZone = zones.values().stream().distinct().count() <= 1;
        ZoneId zone = zones.values().stream().findFirst().orElse(ZoneOffset.UTC);
        if (period.from != null) {
            parameters.put("from", localText("--from", period.from, oneZone, zone, zones));
        }
        if (period.to != null) {
            parameters.put("to", localText("--to", period.to, oneZone, zone, zones));
        }
        if (period.from != null && period.to != null) {
            zones.values().forEach(period::in); // refuses a period that is backwards in an account's time zone
            if (period.isLocal() && !zones.isEmpty()) {
                period.sayOnStderr(period.meaning(zones));
            }
        }
    }

    private static String localText(String option, PeriodBound bound, boolean oneZone, ZoneId zone, Map<String, ZoneId> zones) {
        if (bound instanceof PeriodBound.Local local) {
            return local.local().toString();
        }
        if (!oneZone) {
            throw new CommandFailure(ExitCode.USAGE, option + " " + bound.text() + " is an instant, which is another local time "
                    + "in each of the accounts' time zones (" + zones.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")) + "): give --account NAME, or local dates, which mean each "
                    + "account's own local time; nothing was done");
        }
        return ((PeriodBound.Exact) bound).localIn(zone, option).toString();
    }

    private static void putChecked(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            if (parameters.containsKey(key)) {
                throw new CommandFailure(ExitCode.USAGE, "give " + key + " once: as --" + key + ", not also as --param");
            }
            parameters.put(key, value);
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
