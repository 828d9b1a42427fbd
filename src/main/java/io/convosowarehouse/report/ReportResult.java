package io.convosowarehouse.report;

import java.util.List;

/**
 * What a report returned: its columns and rows, each value as PostgreSQL's own text for it (as psql
 * shows it), NULL as {@code null}; so every output format and psql agree to the character.
 */
public record ReportResult(List<ReportColumn> columns, List<List<String>> rows) {

    public ReportResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
