package io.convosowarehouse.report;

/**
 * A column of a report's result.
 *
 * @param name the column label
 * @param kind how its text should be shown in typed formats (JSON)
 */
public record ReportColumn(String name, Kind kind) {

    public enum Kind {
        NUMBER, BOOLEAN, TEXT
    }
}
