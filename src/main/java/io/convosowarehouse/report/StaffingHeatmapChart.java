package io.convosowarehouse.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The staffing_heatmap report as a grid per account: a row per local weekday, a column per local
 * hour, each cell shaded by its average logged-in agents (darker = more) and showing the number.
 */
final class StaffingHeatmapChart implements ReportChart {

    @Override
    public boolean showsEveryRow() {
        return false;
    }

    @Override
    public void draw(ReportResult result, StringBuilder page) {
        List<String> names = result.columns().stream().map(ReportColumn::name).toList();
        int account = names.indexOf("account_name");
        int isoWeekday = names.indexOf("iso_weekday");
        int weekday = names.indexOf("weekday");
        int hour = names.indexOf("local_hour");
        int agents = names.indexOf("avg_logged_in_agents");
        // account -> "iso weekday name" -> hour -> average agents
        Map<String, Map<String, Map<Integer, Double>>> cells = new LinkedHashMap<>();
        double most = 0;
        for (List<String> row : result.rows()) {
            double value = row.get(agents) == null ? 0 : Double.parseDouble(row.get(agents));
            most = Math.max(most, value);
            cells.computeIfAbsent(row.get(account), name -> new TreeMap<>())
                    .computeIfAbsent(row.get(isoWeekday) + " " + row.get(weekday), day -> new TreeMap<>())
                    .put(Integer.parseInt(row.get(hour)), value);
        }
        page.append("<style>table.heatmap{border-collapse:collapse}table.heatmap td,table.heatmap th{width:34px;height:22px;"
                + "text-align:center;border:1px solid #eee}</style>\n");
        for (Map.Entry<String, Map<String, Map<Integer, Double>>> accountCells : cells.entrySet()) {
            page.append("<h2>").append(Html.escape(accountCells.getKey())).append(": average logged-in agents by weekday and local hour</h2>\n")
                    .append("<table class=\"heatmap\"><tr><th></th>");
            for (int h = 0; h < 24; h++) {
                page.append("<th>").append(h).append("</th>");
            }
            page.append("</tr>\n");
            for (Map.Entry<String, Map<Integer, Double>> day : accountCells.getValue().entrySet()) {
                page.append("<tr><th>").append(Html.escape(day.getKey().substring(day.getKey().indexOf(' ') + 1))).append("</th>");
                for (int h = 0; h < 24; h++) {
                    Double value = day.getValue().get(h);
                    if (value == null) {
                        page.append("<td></td>");
                    } else {
                        double share = most == 0 ? 0 : value / most;
                        page.append(String.format(Locale.ROOT, "<td style=\"background:rgba(21,101,192,%.2f);color:%s\">%.1f</td>",
                                share, share > 0.6 ? "#fff" : "#222", value));
                    }
                }
                page.append("</tr>\n");
            }
            page.append("</table>\n");
        }
    }
}
