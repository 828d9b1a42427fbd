package io.convosowarehouse.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as psql --csv writes it: a header line, fields quoted only when they hold a comma, quote or
 * line break (or are empty strings, which stay distinct from NULL), NULL as an empty field.
 */
final class CsvRenderer implements ReportRenderer {

    @Override
    public void render(String reportName, ReportResult result, PrintWriter out) {
        out.print(result.columns().stream().map(c -> field(c.name())).collect(Collectors.joining(",")));
        out.print("\n");
        for (List<String> row : result.rows()) {
            out.print(row.stream().map(CsvRenderer::field).collect(Collectors.joining(",")));
            out.print("\n");
        }
        out.flush();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
