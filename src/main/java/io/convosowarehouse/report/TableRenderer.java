package io.convosowarehouse.report;

import java.io.PrintWriter;
import java.util.List;

/** Aligned columns with a header and a row count, numbers right-aligned, as psql shows a result. */
final class TableRenderer implements ReportRenderer {

    @Override
    public void render(String reportName, ReportResult result, PrintWriter out) {
        List<ReportColumn> columns = result.columns();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).name().length();
            for (List<String> row : result.rows()) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            header.append(i == 0 ? " " : " | ").append(center(columns.get(i).name(), widths[i]));
            rule.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule.append('-'));
        for (List<String> row : result.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                boolean right = columns.get(i).kind() == ReportColumn.Kind.NUMBER;
                line.append(i == 0 ? " " : " | ").append(pad(text(row.get(i)), widths[i], right));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        out.flush();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String pad(String value, int width, boolean right) {
        String padding = " ".repeat(width - value.length());
        return right ? padding + value : value + padding;
    }

    private static String center(String value, int width) {
        int left = (width - value.length()) / 2;
        return " ".repeat(left) + value + " ".repeat(width - value.length() - left);
    }
}
