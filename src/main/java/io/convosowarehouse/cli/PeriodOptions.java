package io.convosowarehouse.cli;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.convosowarehouse.exit.ExitCode;

/**
 * The {@code --from} (inclusive) and {@code --to} (exclusive) of every command that works on a period.
 * Each is an instant with an offset, or a local date or date-time that means an account's local time;
 * which instants a local form meant is said on stderr.
 */
class PeriodOptions {

    @Option(names = "--from", paramLabel = "WHEN", description = {"Start (inclusive): a local date or date-time in the "
            + "account's time zone (2025-05-28, 2025-05-28T09:00) or an instant with an offset (2025-05-28T07:00:00Z)."})
    PeriodBound from;

    @Option(names = "--to", paramLabel = "WHEN", description = "End (exclusive), in the same forms, e.g. 2025-05-29.")
    PeriodBound to;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** For the commands that need both ends: a missing one is a usage error like any missing option. */
    void requireBoth() {
        List<String> missing = java.util.stream.Stream.of(from == null ? "'--from=WHEN'" : null, to == null ? "'--to=WHEN'" : null)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!missing.isEmpty()) {
            throw new ParameterException(command.commandLine(), "Missing required option" + (missing.size() > 1 ? "s" : "")
                    + ": " + String.join(", ", missing));
        }
    }

    /** Refuses an empty or backwards period before anything starts, where its ends compare without a time zone. */
    void requireForward() {
        if (from instanceof PeriodBound.Exact start && to instanceof PeriodBound.Exact end) {
            requireForward(start.instant().isBefore(end.instant()));
        } else if (from instanceof PeriodBound.Local start && to instanceof PeriodBound.Local end) {
            requireForward(start.local().isBefore(end.local()));
        }
    }

    /** Whether an end is a local time, and so means different instants in different time zones. */
    boolean isLocal() {
        return from instanceof PeriodBound.Local || to instanceof PeriodBound.Local;
    }

    /** The period's instants in {@code zone}; refused when they are empty or backwards there. */
    Period in(ZoneId zone) {
        Period period = new Period(from.in(zone), to.in(zone));
        requireForward(period.from().isBefore(period.to()));
        return period;
    }

    /**
     * The period for a command that works on every account of {@code zones} at once (export-raw, replay): a
     * local form means their local time, which it can only be when they share one time zone; when they do
     * not, the command is refused rather than guess. Says on stderr which instants a local form meant.
     */
    Period forAccountsAtOnce(Map<String, ZoneId> zones) {
        if (!isLocal()) {
            return in(ZoneOffset.UTC);
        }
        if (zones.values().stream().distinct().count() > 1) {
            throw new CommandFailure(ExitCode.USAGE, "--from " + from.text() + " --to " + to.text() + " are local times, and the "
                    + "accounts are in different time zones (" + zones.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(joining(", ")) + "): give --account NAME, or instants with an offset such as "
                    + "2025-05-28T07:00:00Z; nothing was done");
        }
        ZoneId zone = zones.values().stream().findFirst().orElse(ZoneOffset.UTC);
        sayOnStderr(zones.isEmpty() ? meaning(Map.of("no account in the warehouse yet, so UTC", zone)) : meaning(zones));
        return in(zone);
    }

    /**
     * The one line that says which instants a local form meant for each account: in its own time zone,
     * accounts that share one named together.
     */
    String meaning(Map<String, ZoneId> zones) {
        Map<ZoneId, List<String>> accountsByZone = new TreeMap<>(java.util.Comparator.comparing(ZoneId::getId));
        accountsByZone.putAll(zones.keySet().stream().sorted().collect(groupingBy(zones::get)));
        return "--from " + from.text() + " --to " + to.text() + " mean "
                + (accountsByZone.size() > 1 ? "each account's own local time: " : "")
                + accountsByZone.entrySet().stream()
                        .map(e -> in(e.getKey()) + " in " + e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                        .collect(joining("; "));
    }

    /** Says which instants a local form meant, as the command's one line on stderr (stdout may be a report). */
    void sayOnStderr(String meaning) {
        command.commandLine().getErr().println(command.qualifiedName() + ": " + meaning);
    }

    private void requireForward(boolean forward) {
        if (!forward) {
            throw new CommandFailure(ExitCode.USAGE, "--from " + from.text() + " must be before --to " + to.text() + "; nothing was done");
        }
    }
}
