package io.convosowarehouse.report;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: styles inline, charts as inline SVG written here, and a content
 * security policy that forbids every request and every script but the chart's own (allowed by its
 * hash), so the page opens offline and a value cannot run anything. Every report gets its table; the
 * reports with a chart get it above the table.
 */
final class HtmlRenderer implements ReportRenderer {

    private static final String STYLE = """
            body{font:13px system-ui,sans-serif;margin:16px;color:#222}
            h1{font-size:18px}
            div.rows-part{content-visibility:auto}
            table.rows{border-collapse:collapse;margin-top:16px}
            table.rows th,table.rows td{border:1px solid #ccc;padding:2px 6px;white-space:nowrap}
            table.rows th{background:#f0f0f0}
            ul.legend{list-style:none;padding:0}
            ul.legend li{display:inline-block;margin-right:12px}
            ul.legend span{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
            """;

    /**
     * A long table is written in parts of this many rows, each laid out by the browser only when it
     * scrolls near ({@code content-visibility:auto}): a month of quarter hours (2,880 rows) then opens
     * about as fast as an empty page instead of seconds later. Each part carries the column names.
     */
    private static final int ROWS_PER_PART = 100;
    /** The height a part is assumed to have until it is laid out, so the scroll bar is about right. */
    private static final int HEADER_PX = 40;
    private static final int ROW_PX = 21;

    private final Map<String, ReportChart> charts = Map.of(
            "interval_activity", new IntervalActivityChart(),
            "shift_timeline", new ShiftTimelineChart(),
            "staffing_heatmap", new StaffingHeatmapChart());

    @Override
    public void render(String reportName, ReportResult result, PrintWriter out) {
        StringBuilder page = new StringBuilder(64 * 1024);
        ReportChart chart = charts.get(reportName);
        String script = chart == null ? "" : chart.script();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'")
                .append(script.isEmpty() ? "" : "; script-src '" + sha256(script) + "'").append("\">")
                .append("<title>").append(Html.escape(reportName)).append("</title><style>").append(STYLE);
        page.append("</style></head><body><h1>").append(Html.escape(reportName)).append("</h1>\n");
        if (chart != null) {
            chart.draw(result, page);
        }
        if (chart == null || !chart.showsEveryRow()) {
            table(result, page);
        }
        if (!script.isEmpty()) {
            page.append("<script>").append(script).append("</script>\n");
        }
        page.append("</body></html>\n");
        out.print(page);
        out.flush();
    }

    /** The script's hash as a Content-Security-Policy source: the browser runs that script and no other. */
    private static String sha256(String script) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void table(ReportResult result, StringBuilder page) {
        List<ReportColumn> columns = result.columns();
        // numbers are right-aligned by one rule for their columns rather than a class on each of thousands of cells
        StringBuilder numberColumns = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == ReportColumn.Kind.NUMBER) {
                numberColumns.append(numberColumns.isEmpty() ? "" : ",").append("table.rows td:nth-child(").append(i + 1).append(')');
            }
        }
        if (!numberColumns.isEmpty()) {
            page.append("<style>").append(numberColumns).append("{text-align:right}</style>\n");
        }
        List<List<String>> rows = result.rows();
        int part = 0;
        do {
            List<List<String>> partRows = rows.subList(part, Math.min(rows.size(), part + ROWS_PER_PART));
            page.append("<div class=\"rows-part\" style=\"contain-intrinsic-size:auto ")
                    .append(HEADER_PX + partRows.size() * ROW_PX).append("px\"><table class=\"rows\"><thead><tr>");
            columns.forEach(column -> page.append("<th>").append(Html.escape(column.name())).append("</th>"));
            page.append("</tr></thead><tbody>\n");
            for (List<String> row : partRows) {
                page.append("<tr>");
                for (int i = 0; i < columns.size(); i++) {
                    page.append("<td>").append(Html.escape(row.get(i))).append("</td>");
                }
                page.append("</tr>\n");
            }
            page.append("</tbody></table></div>\n");
            part += ROWS_PER_PART;
        } while (part < rows.size());
        page.append("<p>").append(result.rows().size()).append(result.rows().size() == 1 ? " row" : " rows")
                .append("</p>\n");
    }
}
