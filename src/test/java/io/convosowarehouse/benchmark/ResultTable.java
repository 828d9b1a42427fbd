package io.convosowarehouse.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's one output: a markdown table of measurements, each with its target and a
 * PASS/FAIL verdict when it has one, followed by notes that say how the numbers were obtained.
 */
final class ResultTable {

    /** One line of the table; target and verdict are empty for a measurement without a target. */
    record Row(String section, String metric, String value, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void measured(String section, String metric, String value) {
        rows.add(new Row(section, metric, value, "", ""));
    }

    /** A measurement that must be at least {@code floor}. */
    void atLeast(String section, String metric, double value, double floor, String format) {
        rows.add(new Row(section, metric, fmt(format, value), ">= " + fmt(format, floor), verdict(value >= floor)));
    }

    /** A measurement that must be at most {@code ceiling}. */
    void atMost(String section, String metric, double value, double ceiling, String format) {
        rows.add(new Row(section, metric, fmt(format, value), "<= " + fmt(format, ceiling), verdict(value <= ceiling)));
    }

    /** A measurement with a compound target (e.g. wall and CPU), judged by the caller. */
    void checked(String section, String metric, String value, String target, boolean pass) {
        rows.add(new Row(section, metric, value, target, verdict(pass)));
    }

    void note(String text) {
        notes.add(text);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| section | metric | measured | target | verdict |\n");
        out.append("|---|---|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.section()).append(" | ").append(row.metric()).append(" | ").append(row.value())
                    .append(" | ").append(row.target()).append(" | ").append(row.verdict()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    static String fmt(String format, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
