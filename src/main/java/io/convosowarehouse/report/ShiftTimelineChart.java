package io.convosowarehouse.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shift_timeline report as a timeline per account: one row per agent, grouped by campaign in
 * order of login, the period's real hours along the x-axis (a DST day has 23 or 25), one bar per
 * status interval coloured by status family (each pause label its own shade), nothing where polling
 * saw nothing, and each call a dark mark under the bars from its start to its end. Each bar's title
 * tells agent, status, label, start, end and duration; each call's its direction, start, end and talk.
 */
final class ShiftTimelineChart implements ReportChart {

    private static final int LABEL_WIDTH = 220;
    private static final int PLOT_WIDTH = 1200;
    private static final int ROW_HEIGHT = 14;
    private static final int AXIS_HEIGHT = 20;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Shades told apart for the pause labels, in order of first appearance; more labels than shades reuse them. */
    private static final List<String> PAUSE_SHADES = List.of("#ef6c00", "#ffb74d", "#d84315", "#ffd54f", "#8d6e63", "#f06292");

    private static final String CALL_COLOUR = "#212121";

    private static final String STYLE = "<style>svg.timeline text{font-size:11px}svg.timeline .bar{height:10px}"
            + "svg.timeline .tick{stroke:#ddd}svg.timeline .campaign{font-weight:bold}</style>\n";

    @Override
    public boolean showsEveryRow() {
        return true;
    }

    @Override
    public void draw(ReportResult result, StringBuilder page) {
        page.append(STYLE);
        Map<String, List<Map<String, String>>> accounts = new LinkedHashMap<>();
        for (List<String> row : result.rows()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                values.put(result.columns().get(i).name(), row.get(i));
            }
            accounts.computeIfAbsent(values.get("account_name"), name -> new ArrayList<>()).add(values);
        }
        if (accounts.isEmpty()) {
            page.append("<p class=\"empty\">No status intervals in this period.</p>\n");
        }
        accounts.forEach((account, rows) -> drawAccount(account, rows, page));
    }

    private void drawAccount(String account, List<Map<String, String>> rows, StringBuilder page) {
        Map<String, String> pauseShades = new LinkedHashMap<>();
        // campaign -> agent -> its intervals and calls; the report's order makes both orders: by campaign, then by login
        Map<String, Map<String, List<Map<String, String>>>> campaigns = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> agents = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (!isCall(row)) {
                agentIn(campaigns, agents, row).add(row);
                if ("paused".equals(row.get("status_group"))) {
                    pauseShades.computeIfAbsent(pauseLabel(row), label -> PAUSE_SHADES.get(pauseShades.size() % PAUSE_SHADES.size()));
                }
            }
        }
        // a call goes on its agent's row wherever the statuses put it; only an agent seen in no status gets a row by the call
        for (Map<String, String> row : rows) {
            if (isCall(row)) {
                agentIn(campaigns, agents, row).add(row);
            }
        }
        Map<String, String> first = rows.get(0);
        long periodSec = Long.parseLong(first.get("period_sec"));
        double scale = (double) PLOT_WIDTH / periodSec;
        int agentRows = campaigns.values().stream().mapToInt(Map::size).sum();
        int height = AXIS_HEIGHT + (agentRows + campaigns.size()) * ROW_HEIGHT;

        page.append("<h2>").append(Html.escape(account)).append(" (").append(Html.escape(first.get("time_zone")))
                .append(", ").append(periodSec % 3600 == 0 ? String.valueOf(periodSec / 3600)
                        : String.format(Locale.ROOT, "%.1f", periodSec / 3600.0))
                .append(" hours)</h2>\n");
        legend(pauseShades, page);
        page.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABEL_WIDTH + PLOT_WIDTH + 10)
                .append("\" height=\"").append(height).append("\">\n");
        axis(first, periodSec, scale, height, page);
        int y = AXIS_HEIGHT;
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> campaign : campaigns.entrySet()) {
            page.append("<text class=\"campaign\" x=\"0\" y=\"").append(y + 11).append("\">").append(Html.escape(campaign.getKey()))
                    .append("</text>\n");
            y += ROW_HEIGHT;
            for (List<Map<String, String>> intervals : campaign.getValue().values()) {
                agentRow(intervals, pauseShades, scale, y, page);
                y += ROW_HEIGHT;
            }
        }
        page.append("</svg>\n");
    }

    private static boolean isCall(Map<String, String> row) {
        return "call".equals(row.get("row_kind"));
    }

    private static List<Map<String, String>> agentIn(Map<String, Map<String, List<Map<String, String>>>> campaigns,
            Map<String, List<Map<String, String>>> agents, Map<String, String> row) {
        return agents.computeIfAbsent(row.get("user_id"), user -> campaigns
                .computeIfAbsent(row.get("campaign_name") == null ? "(no campaign)" : row.get("campaign_name"),
                        name -> new LinkedHashMap<>())
                .computeIfAbsent(user, sameUser -> new ArrayList<>()));
    }

    private static void legend(Map<String, String> pauseShades, StringBuilder page) {
        page.append("<ul class=\"legend\">");
        for (String family : StatusFamilyColours.FAMILIES) {
            if (!family.equals("paused") || pauseShades.isEmpty()) {
                Html.legendItem(family, StatusFamilyColours.of(family), page);
            }
        }
        pauseShades.forEach((label, colour) -> Html.legendItem("paused: " + label, colour, page));
        Html.legendItem("call (under the bars; a short mark when its end was not seen)", CALL_COLOUR, page);
        page.append("<li>blank: not observed (logged out or polling gap)</li></ul>\n");
    }

    /** A tick at every hour as it passes, labelled with the local time it shows: 01:00 twice on a fall-back day. */
    private static void axis(Map<String, String> first, long periodSec, double scale, int height, StringBuilder page) {
        ZoneId zone = ZoneId.of(first.get("time_zone"));
        Instant start = LocalDateTime.parse(first.get("period_start_local").replace(' ', 'T')).atZone(zone).toInstant();
        for (long offset = 0; offset <= periodSec; offset += 3600) {
            double x = LABEL_WIDTH + offset * scale;
            page.append("<g class=\"hour\"><line class=\"tick\" x1=\"").append(round(x)).append("\" x2=\"").append(round(x))
                    .append("\" y1=\"").append(AXIS_HEIGHT - 4).append("\" y2=\"").append(height).append("\"/>");
            if (offset < periodSec) {
                page.append("<text x=\"").append(round(x + 2)).append("\" y=\"12\">")
                        .append(HOUR.format(start.plusSeconds(offset).atZone(zone))).append("</text>");
            }
            page.append("</g>\n");
        }
    }

    private static void agentRow(List<Map<String, String>> intervals, Map<String, String> pauseShades, double scale, int y,
            StringBuilder page) {
        Map<String, String> agent = intervals.get(0);
        String name = agent.get("user_full_name") == null ? agent.get("user_id") : agent.get("user_full_name");
        page.append("<g class=\"agent-row\" transform=\"translate(0,").append(y).append(")\"><text class=\"agent\" x=\"8\" y=\"10\">")
                .append(Html.escape(name)).append("</text>");
        for (Map<String, String> interval : intervals) {
            if (isCall(interval)) {
                callMark(name, interval, scale, page);
                continue;
            }
            long start = Long.parseLong(interval.get("start_offset_sec"));
            long end = Long.parseLong(interval.get("end_offset_sec"));
            String family = interval.get("status_group");
            String colour = "paused".equals(family) ? pauseShades.get(pauseLabel(interval))
                    : StatusFamilyColours.of(family);
            page.append("<rect class=\"bar\" x=\"").append(round(LABEL_WIDTH + start * scale)).append("\" y=\"1\" width=\"")
                    .append(round(Math.max(0.5, (end - start) * scale))).append("\" fill=\"").append(colour).append("\"><title>")
                    .append(Html.escape(name + " · " + interval.get("status")
                            + (interval.get("status_label") == null ? "" : " (" + interval.get("status_label") + ")")
                            + " · " + interval.get("started_local") + " – " + interval.get("ended_local")
                            + " · " + duration(interval.get("duration_sec"))))
                    .append("</title></rect>");
        }
        page.append("</g>\n");
    }

    /** A call as a dark mark under its agent's bars, from its start to its end (a short mark when no poll saw the end). */
    private static void callMark(String name, Map<String, String> call, double scale, StringBuilder page) {
        long start = Long.parseLong(call.get("start_offset_sec"));
        long end = Long.parseLong(call.get("end_offset_sec"));
        boolean endSeen = call.get("ended_local") != null;
        String direction = call.get("call_direction") == null ? "call" : call.get("call_direction") + " call";
        page.append("<rect class=\"call\" x=\"").append(round(LABEL_WIDTH + start * scale)).append("\" y=\"11\" width=\"")
                .append(round(endSeen ? Math.max(1, (end - start) * scale) : 2)).append("\" height=\"3\" fill=\"").append(CALL_COLOUR)
                .append("\"><title>").append(Html.escape(name + " · " + direction + " · " + call.get("started_local") + " – "
                        + (endSeen ? call.get("ended_local") + " · talk " + duration(call.get("talk_sec"))
                                : "end not seen (" + call.get("end_reason") + ")")))
                .append("</title></rect>");
    }

    private static String pauseLabel(Map<String, String> interval) {
        return interval.get("status_label") == null ? "no reason" : interval.get("status_label");
    }

    private static String duration(String seconds) {
        long total = Math.round(Double.parseDouble(seconds));
        return total >= 3600 ? String.format(Locale.ROOT, "%dh %02dm %02ds", total / 3600, total % 3600 / 60, total % 60)
                : String.format(Locale.ROOT, "%dm %02ds", total / 60, total % 60);
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
