package io.convosowarehouse.report;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One canned report: a {@code sql-reports/NAME.sql} file.
 *
 * @param name        the file name without .sql
 * @param description the one-line purpose from the first header line ({@code -- NAME: purpose})
 * @param header      the whole header comment: grain, parameters, columns, formulas
 * @param script      the SQL and its parameter defaults
 */
public record ReportDefinition(String name, String description, String header, PsqlScript script) {

    /** Reads a report file; its first line must be {@code -- NAME: description}. */
    public static ReportDefinition parse(String name, String text) {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            header.append(line.length() > 2 && line.charAt(2) == ' ' ? line.substring(3) : line.substring(2)).append('\n');
        }
        String firstLine = header.toString().lines().findFirst().orElse("");
        String prefix = name + ":";
        if (!firstLine.startsWith(prefix)) {
            throw new IllegalArgumentException("sql-reports/" + name + ".sql must start with '-- " + prefix + " <purpose>'");
        }
        return new ReportDefinition(name, firstLine.substring(prefix.length()).strip(), header.toString(), PsqlScript.parse(text));
    }

    /** Every parameter the report reads, defaulted or not. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>(BoundSql.variablesOf(script.sql()));
        names.addAll(script.defaults().keySet());
        return names;
    }

    /** The parameters without a default: the caller must give them. */
    public Set<String> requiredParameters() {
        Set<String> names = new LinkedHashSet<>(BoundSql.variablesOf(script.sql()));
        names.removeAll(script.defaults().keySet());
        return names;
    }
}
