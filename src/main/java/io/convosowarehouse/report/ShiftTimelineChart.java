package io.convosowarehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shift_timeline report as a timeline per account: one row per agent, grouped by campaign in
 * order of login, the period's real hours along the x-axis (a DST day has 23 or 25), one bar per
 * status interval coloured by status family (each pause label its own shade), nothing where polling
 * saw nothing, and each call a dark mark under the bars from its start to its end.
 *
 * <p>A day of 500 agents is some 65,000 bars and marks, so each is as small as it can be: a
 * {@code <rect>} in a row's own {@code <svg>} whose user unit is one second from the period's start,
 * with its colour, height and place in the row given by its class in one style rule. Its hover text
 * (agent, status, label, start, end, duration; a call's direction, start, end, talk) is written by the
 * page's one script ({@code shift-timeline.js}) from the bar itself: the agent from its row, the status
 * from its class, the times from its x and width and the period's local start and UTC offset changes.
 * Only what the bar cannot tell is written on it: the times of a bar cut at the period's edges or drawn
 * wider than it lasted, a call's talk time and why its end was not seen. Rows are laid out and painted
 * only when they scroll near ({@code content-visibility:auto}).
 */
final class ShiftTimelineChart implements ReportChart {

    private static final int PLOT_WIDTH = 1200;
    /** A bar or mark is drawn at least this many pixels wide, so a short status still shows. */
    private static final double MIN_BAR_PX = 0.5;
    private static final double OPEN_CALL_PX = 2;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** Shades told apart for the pause labels, in order of first appearance; more labels than shades reuse them. */
    private static final List<String> PAUSE_SHADES = List.of("#ef6c00", "#ffb74d", "#d84315", "#ffd54f", "#8d6e63", "#f06292");

    private static final String CALL_COLOUR = "#212121";

    private static final String STYLE = "<style>div.timeline{position:relative}"
            + "div.timeline .axis{display:block;margin-left:220px}div.timeline .axis text{font-size:11px}"
            + "div.timeline .tick{stroke:#ddd}div.timeline .campaign{font-weight:bold;height:14px;font-size:11px}"
            + "div.agent-row{display:flex;height:14px;content-visibility:auto;contain-intrinsic-size:auto 14px}"
            + "div.agent-row span{width:212px;padding-left:8px;font-size:11px;line-height:14px;overflow:hidden;white-space:nowrap}"
            + "div.agent-row svg{width:" + PLOT_WIDTH + "px;height:14px}"
            + "div.agent-row rect{y:1px;height:10px}div.agent-row rect.c,div.agent-row rect.ci,div.agent-row rect.co{y:11px;height:3px;fill:"
            + CALL_COLOUR + "}div.timeline ol.statuses{display:none}"
            + "#timeline-tip{position:fixed;display:none;background:#fff;border:1px solid #888;padding:2px 6px;"
            + "font-size:12px;pointer-events:none;white-space:pre}</style>\n";

    @Override
    public boolean showsEveryRow() {
        return true;
    }

    private final String script = readScript();

    private static String readScript() {
        try (InputStream in = ShiftTimelineChart.class.getResourceAsStream("shift-timeline.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("shift-timeline.js is missing from the jar", e);
        }
    }

    @Override
    public String script() {
        return script;
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
        int index = 0;
        for (Map.Entry<String, List<Map<String, String>>> account : accounts.entrySet()) {
            drawAccount("timeline-" + index++, account.getKey(), account.getValue(), page);
        }
        page.append("<div id=\"timeline-tip\"></div>\n");
    }

    private void drawAccount(String id, String account, List<Map<String, String>> rows, StringBuilder page) {
        Map<String, String> pauseShades = new LinkedHashMap<>();
        // each status and label the account's bars show, in order of first appearance; a bar's class is its index here
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, String> statusColours = new LinkedHashMap<>();
        // campaign -> agent -> its intervals and calls; the report's order makes both orders: by campaign, then by login
        Map<String, Map<String, List<Map<String, String>>>> campaigns = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> agents = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (!isCall(row)) {
                agentIn(campaigns, agents, row).add(row);
                String family = row.get("status_group");
                if ("paused".equals(family)) {
                    pauseShades.computeIfAbsent(pauseLabel(row), label -> PAUSE_SHADES.get(pauseShades.size() % PAUSE_SHADES.size()));
                }
                if (!statuses.containsKey(statusText(row))) {
                    statuses.put(statusText(row), statuses.size());
                    statusColours.put(statusText(row), "paused".equals(family) ? pauseShades.get(pauseLabel(row)) : StatusFamilyColours.of(family));
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
        Period period = Period.of(first);

        page.append("<h2>").append(Html.escape(account)).append(" (").append(Html.escape(first.get("time_zone")))
                .append(", ").append(period.sec() % 3600 == 0 ? String.valueOf(period.sec() / 3600)
                        : String.format(Locale.ROOT, "%.1f", period.sec() / 3600.0))
                .append(" hours)</h2>\n");
        legend(pauseShades, page);
        page.append("<style>");
        statusColours.forEach((status, colour) -> page.append('#').append(id).append(" .s").append(statuses.get(status))
                .append("{fill:").append(colour).append('}'));
        // the hour lines run down every row: real hours are evenly spaced whatever the clock says
        page.append('#').append(id).append(" div.agent-row svg{background:repeating-linear-gradient(to right,#ddd 0 1px,transparent 1px ")
                .append(round(3600.0 * PLOT_WIDTH / period.sec())).append("px)}</style>\n");
        page.append("<div class=\"timeline\" id=\"").append(id).append("\" data-start=\"").append(LOCAL.format(period.startLocal()))
                .append("\" data-shifts=\"").append(period.offsetChanges()).append("\">\n<ol class=\"statuses\">");
        statuses.keySet().forEach(status -> page.append("<li>").append(Html.escape(status)).append("</li>"));
        page.append("</ol>\n");
        axis(period, page);
        String viewBox = "<svg viewBox=\"0 0 " + period.sec() + " 14\" preserveAspectRatio=\"none\">";
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> campaign : campaigns.entrySet()) {
            page.append("<div class=\"campaign\">").append(Html.escape(campaign.getKey())).append("</div>\n");
            for (List<Map<String, String>> intervals : campaign.getValue().values()) {
                agentRow(intervals, statuses, period, viewBox, page);
            }
        }
        page.append("</div>\n");
    }

    /**
     * The period the rows were clipped to: its local start, its length in real seconds and the zone
     * it is read in.
     */
    private record Period(LocalDateTime startLocal, long sec, ZoneId zone) {

        static Period of(Map<String, String> row) {
            return new Period(LocalDateTime.parse(row.get("period_start_local").replace(' ', 'T')),
                    Long.parseLong(row.get("period_sec")), ZoneId.of(row.get("time_zone")));
        }

        Instant start() {
            return startLocal.atZone(zone).toInstant();
        }

        /**
         * Where the clock jumps within the period, as "second:change" pairs ("7200:-3600" on a fall-back
         * day): the page's script adds them to a bar's second to tell its local time.
         */
        String offsetChanges() {
            StringBuilder changes = new StringBuilder();
            Instant start = start();
            Instant end = start.plusSeconds(sec);
            ZoneOffsetTransition transition = zone.getRules().nextTransition(start);
            while (transition != null && transition.getInstant().isBefore(end)) {
                changes.append(changes.isEmpty() ? "" : " ").append(transition.getInstant().getEpochSecond() - start.getEpochSecond())
                        .append(':').append(transition.getDuration().getSeconds());
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
            return changes.toString();
        }

        /** The smallest width in seconds that still shows as the given pixels. */
        long atLeast(double pixels) {
            return (long) Math.ceil(pixels * sec / PLOT_WIDTH);
        }
    }

    private static boolean isCall(Map<String, String> row) {
        return "call".equals(row.get("row_kind"));
    }

    private static String statusText(Map<String, String> row) {
        return row.get("status") + (row.get("status_label") == null ? "" : " (" + row.get("status_label") + ")");
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
    private static void axis(Period period, StringBuilder page) {
        double scale = (double) PLOT_WIDTH / period.sec();
        page.append("<svg class=\"axis\" width=\"").append(PLOT_WIDTH + 10).append("\" height=\"20\">");
        Instant start = period.start();
        for (long offset = 0; offset <= period.sec(); offset += 3600) {
            String x = round(offset * scale);
            page.append("<g class=\"hour\"><line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x)
                    .append("\" y1=\"16\" y2=\"20\"/>");
            if (offset < period.sec()) {
                page.append("<text x=\"").append(round(offset * scale + 2)).append("\" y=\"12\">")
                        .append(HOUR.format(start.plusSeconds(offset).atZone(period.zone()))).append("</text>");
            }
            page.append("</g>");
        }
        page.append("</svg>\n");
    }

    private static void agentRow(List<Map<String, String>> intervals, Map<String, Integer> statuses, Period period, String viewBox,
            StringBuilder page) {
        Map<String, String> agent = intervals.get(0);
        String name = agent.get("user_full_name") == null ? agent.get("user_id") : agent.get("user_full_name");
        page.append("<div class=\"agent-row\"><span>").append(Html.escape(name)).append("</span>").append(viewBox);
        for (Map<String, String> interval : intervals) {
            if (isCall(interval)) {
                callMark(interval, period, page);
            } else {
                bar(interval, statuses, period, page);
            }
        }
        page.append("</svg></div>\n");
    }

    private static void bar(Map<String, String> interval, Map<String, Integer> statuses, Period period, StringBuilder page) {
        long start = Long.parseLong(interval.get("start_offset_sec"));
        long end = Long.parseLong(interval.get("end_offset_sec"));
        long width = Math.max(end - start, period.atLeast(MIN_BAR_PX));
        page.append("<rect class=\"s").append(statuses.get(statusText(interval))).append("\" x=\"").append(start)
                .append("\" width=\"").append(width).append('"');
        if (start == 0 || end == period.sec() || width != end - start) {
            ownTimes(interval, page);
            page.append(" data-d=\"").append(Math.round(Double.parseDouble(interval.get("duration_sec")))).append('"');
        }
        page.append("/>");
    }

    /** A call as a dark mark under its agent's bars, from its start to its end (a short mark when no poll saw the end). */
    private static void callMark(Map<String, String> call, Period period, StringBuilder page) {
        long start = Long.parseLong(call.get("start_offset_sec"));
        long end = Long.parseLong(call.get("end_offset_sec"));
        boolean endSeen = call.get("ended_local") != null;
        long width = endSeen ? Math.max(end - start, period.atLeast(1)) : period.atLeast(OPEN_CALL_PX);
        String direction = call.get("call_direction");
        page.append("<rect class=\"").append(direction == null ? "c" : direction.equals("inbound") ? "ci" : "co")
                .append("\" x=\"").append(start).append("\" width=\"").append(width).append('"');
        if (start == 0 || endSeen && (end == period.sec() || width != end - start)) {
            ownTimes(call, page);
        }
        if (!endSeen) {
            page.append(" data-r=\"").append(Html.escape(call.get("end_reason"))).append('"');
        } else if (call.get("talk_sec") != null) {
            page.append(" data-t=\"").append(call.get("talk_sec")).append('"');
        }
        page.append("/>");
    }

    /**
     * The local times of a bar or mark whose x and width do not tell them: cut at the period's edge,
     * or widened to show (a call whose end was not seen has only its start).
     */
    private static void ownTimes(Map<String, String> row, StringBuilder page) {
        page.append(" data-s=\"").append(Html.escape(row.get("started_local"))).append('"');
        if (row.get("ended_local") != null) {
            page.append(" data-e=\"").append(Html.escape(row.get("ended_local"))).append('"');
        }
    }

    private static String pauseLabel(Map<String, String> interval) {
        return interval.get("status_label") == null ? "no reason" : interval.get("status_label");
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
