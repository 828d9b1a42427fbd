package io.convosowarehouse.report;

/** The output formats of {@code report --format}. */
public enum ReportFormat {
    /** Aligned columns for people, like psql's. */
    TABLE(new TableRenderer()),
    /** RFC 4180 CSV with a header line, NULL as an empty field (psql --csv writes the same). */
    CSV(new CsvRenderer()),
    /** A JSON array of objects; numbers and booleans typed, NULL as null. */
    JSON(new JsonRenderer()),
    /** One self-contained HTML page: the table, and a chart for the reports that have one (shift_timeline, ...). */
    HTML(new HtmlRenderer());

    private final ReportRenderer renderer;

    ReportFormat(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer;
    }
}
