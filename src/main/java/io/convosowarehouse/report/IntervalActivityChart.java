package io.convosowarehouse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interval_activity report as a chart per account, above its table: for each bucket a stacked
 * bar of the average agents in each status family, and below it a bar of the bucket's calls and a
 * line of its drop % (right-hand axis). Buckets stand side by side in real time, so a spring-forward
 * day is 23 hours wide and a fall-back day 25, with its 01:00 tick twice. Each bucket's title gives
 * every number the bar stands for. A month of 15-minute buckets is 2,880 bars: one {@code <g>} with
 * a title and a few rects each, coloured by class, so the page stays small.
 */
final class IntervalActivityChart implements ReportChart {

    private static final int LEFT = 56;
    private static final int PLOT_WIDTH = 1200;
    private static final int RIGHT = 56;
    private static final int AGENTS_TOP = 8;
    private static final int AGENTS_HEIGHT = 220;
    /** Between the two panels: the time axis' labels. */
    private static final int TIME_AXIS_HEIGHT = 30;
    private static final int CALLS_TOP = AGENTS_TOP + AGENTS_HEIGHT + TIME_AXIS_HEIGHT;
    private static final int CALLS_HEIGHT = 120;
    private static final int HEIGHT = CALLS_TOP + CALLS_HEIGHT + 8;
    /** Up to this long a period gets a tick every hour; a longer one a tick every local midnight. */
    private static final long HOURLY_TICKS_UP_TO_SEC = 26 * 3600;
    /** The families the report has columns for, stacked bottom up; "other" is what logged-in time leaves. */
    private static final List<String> STACKED = List.of("ready", "wait", "incall", "dispo", "paused", "dead");
    /**
     * Each average is rounded to 0.01 by the report, so logged-in less the six families can be off by
     * up to 7 × 0.005 without any agent in another status: only more than that is drawn as "other".
     */
    private static final double OTHER_ABOVE = 0.035;
    private static final String CALLS_COLOUR = "#78909c";
    private static final String DROP_COLOUR = "#c62828";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private static final String STYLE = buildStyle();

    private static String buildStyle() {
        StringBuilder style = new StringBuilder("<style>svg.activity text{font-size:11px}svg.activity .grid{stroke:#e0e0e0}"
                + "svg.activity .tick{stroke:#ccc}svg.activity .right{text-anchor:start}svg.activity .left{text-anchor:end}"
                + "svg.activity .calls{fill:" + CALLS_COLOUR + "}svg.activity path.drop-pct{fill:none;stroke:" + DROP_COLOUR
                + ";stroke-width:2;stroke-linecap:round;stroke-linejoin:round}");
        for (String family : StatusFamilyColours.FAMILIES) {
            style.append("svg.activity .").append(family).append("{fill:").append(StatusFamilyColours.of(family)).append('}');
        }
        return style.append("</style>\n").toString();
    }

    /** One row of the report, as the chart reads it. */
    private record Bucket(String startLocal, String utcOffset, long sec, double loggedIn, String peakLoggedIn,
            double[] agents, long calls, long answered, long dropped, String dropPct) {

        double other() {
            double stacked = 0;
            for (double value : agents) {
                stacked += value;
            }
            return loggedIn - stacked > OTHER_ABOVE ? loggedIn - stacked : 0;
        }
    }

    @Override
    public boolean showsEveryRow() {
        return false;
    }

    @Override
    public void draw(ReportResult result, StringBuilder page) {
        page.append(STYLE);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < result.columns().size(); i++) {
            columns.put(result.columns().get(i).name(), i);
        }
        Map<String, List<Bucket>> accounts = new LinkedHashMap<>();
        for (List<String> row : result.rows()) {
            accounts.computeIfAbsent(row.get(columns.get("account_name")), name -> new ArrayList<>()).add(bucket(row, columns));
        }
        accounts.forEach((account, buckets) -> drawAccount(account, buckets, page));
    }

    private static Bucket bucket(List<String> row, Map<String, Integer> columns) {
        double[] agents = new double[STACKED.size()];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = Double.parseDouble(row.get(columns.get("avg_" + STACKED.get(i) + "_agents")));
        }
        return new Bucket(row.get(columns.get("bucket_start_local")), row.get(columns.get("utc_offset")),
                Long.parseLong(row.get(columns.get("bucket_sec"))), Double.parseDouble(row.get(columns.get("avg_logged_in_agents"))),
                row.get(columns.get("peak_logged_in_agents")), agents, Long.parseLong(row.get(columns.get("calls"))),
                Long.parseLong(row.get(columns.get("answered"))), Long.parseLong(row.get(columns.get("dropped"))),
                row.get(columns.get("drop_pct")));
    }

    private static void drawAccount(String account, List<Bucket> buckets, StringBuilder page) {
        long periodSec = buckets.stream().mapToLong(Bucket::sec).sum();
        double scale = (double) PLOT_WIDTH / periodSec;
        Axis agents = Axis.upTo(buckets.stream().mapToDouble(Bucket::loggedIn).max().orElse(0));
        Axis calls = Axis.upTo(buckets.stream().mapToLong(Bucket::calls).max().orElse(0));
        Axis drop = Axis.upTo(buckets.stream().filter(bucket -> bucket.dropPct() != null)
                .mapToDouble(bucket -> Double.parseDouble(bucket.dropPct())).max().orElse(0));

        page.append("<h2>").append(Html.escape(account)).append(": ").append(hours(periodSec)).append(" in ")
                .append(buckets.size()).append(buckets.size() == 1 ? " bucket" : " buckets").append("</h2>\n<ul class=\"legend\">");
        for (String family : StatusFamilyColours.FAMILIES) {
            Html.legendItem("avg agents " + family, StatusFamilyColours.of(family), page);
        }
        Html.legendItem("calls", CALLS_COLOUR, page);
        Html.legendItem("drop % (right axis)", DROP_COLOUR, page);
        page.append("</ul>\n<svg class=\"activity\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LEFT + PLOT_WIDTH + RIGHT)
                .append("\" height=\"").append(HEIGHT).append("\">\n");
        valueAxis("y-agents", agents, AGENTS_TOP, AGENTS_HEIGHT, LEFT - 4, "left", page);
        valueAxis("y-calls", calls, CALLS_TOP, CALLS_HEIGHT, LEFT - 4, "left", page);
        valueAxis("y-drop-pct", drop, CALLS_TOP, CALLS_HEIGHT, LEFT + PLOT_WIDTH + 4, "right", page);
        timeAxis(buckets, periodSec, scale, page);

        StringBuilder dropLine = new StringBuilder();
        boolean lineOpen = false;
        long offset = 0;
        for (Bucket bucket : buckets) {
            double x = LEFT + offset * scale;
            double fullWidth = bucket.sec() * scale;
            // a visible gap between bars wide enough to spare a pixel; a month of narrow bars stays a solid area
            double width = fullWidth >= 4 ? fullWidth - 1 : fullWidth;
            page.append("<g class=\"bucket\"><title>").append(Html.escape(title(bucket))).append("</title>");
            double base = AGENTS_TOP + AGENTS_HEIGHT;
            for (int i = 0; i < STACKED.size(); i++) {
                base = stackedRect(STACKED.get(i), bucket.agents()[i], agents, x, width, base, page);
            }
            stackedRect("other", bucket.other(), agents, x, width, base, page);
            if (bucket.calls() > 0) {
                double height = bucket.calls() * CALLS_HEIGHT / calls.top();
                rect("calls", x, CALLS_TOP + CALLS_HEIGHT - height, width, height, page);
            }
            page.append("</g>\n");
            if (bucket.dropPct() == null) {
                lineOpen = false;
            } else {
                double y = CALLS_TOP + CALLS_HEIGHT - Double.parseDouble(bucket.dropPct()) * CALLS_HEIGHT / drop.top();
                // a lone point is a zero-length segment, which the round line cap draws as a dot
                dropLine.append(lineOpen ? " L" : " M").append(coordinate(x + fullWidth / 2)).append(' ').append(coordinate(y))
                        .append(lineOpen ? "" : " l0 0");
                lineOpen = true;
            }
            offset += bucket.sec();
        }
        if (!dropLine.isEmpty()) {
            page.append("<path class=\"drop-pct\" d=\"").append(dropLine.substring(1)).append("\"/>\n");
        }
        page.append("</svg>\n");
    }

    /** Draws one family's part of a stacked bar on top of {@code base}; returns the new top. */
    private static double stackedRect(String family, double agents, Axis axis, double x, double width, double base,
            StringBuilder page) {
        if (agents <= 0) {
            return base;
        }
        double height = agents * AGENTS_HEIGHT / axis.top();
        rect(family, x, base - height, width, height, page);
        return base - height;
    }

    private static void rect(String cssClass, double x, double y, double width, double height, StringBuilder page) {
        page.append("<rect class=\"").append(cssClass).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(coordinate(y)).append("\" width=\"").append(coordinate(width)).append("\" height=\"")
                .append(coordinate(height)).append("\"/>");
    }

    private static String title(Bucket bucket) {
        StringBuilder title = new StringBuilder(160).append(bucket.startLocal(), 0, 16).append(" UTC")
                .append(bucket.utcOffset(), 0, bucket.utcOffset().length() - 3).append(" · logged in ")
                .append(twoDecimals(bucket.loggedIn())).append(" (peak ").append(bucket.peakLoggedIn()).append(')');
        for (int i = 0; i < STACKED.size(); i++) {
            if (bucket.agents()[i] > 0) {
                title.append(" · ").append(STACKED.get(i)).append(' ').append(twoDecimals(bucket.agents()[i]));
            }
        }
        title.append(" · calls ").append(bucket.calls()).append(", answered ").append(bucket.answered()).append(", dropped ")
                .append(bucket.dropped());
        if (bucket.dropPct() != null) {
            title.append(" (").append(bucket.dropPct()).append(" %)");
        }
        return title.toString();
    }

    private static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Gridlines and labels of a value axis, from 0 at the panel's bottom to the axis' top at its top. */
    private static void valueAxis(String cssClass, Axis axis, int top, int height, int labelX, String side,
            StringBuilder page) {
        for (BigDecimal value = BigDecimal.ZERO; value.compareTo(axis.topValue()) <= 0; value = value.add(axis.step())) {
            String y = coordinate(top + height - value.doubleValue() * height / axis.top());
            page.append("<g class=\"").append(cssClass).append("\"><line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(LEFT + PLOT_WIDTH).append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/><text class=\"")
                    .append(side).append("\" x=\"").append(labelX).append("\" y=\"").append(y).append("\" dy=\"4\">")
                    .append(value.stripTrailingZeros().toPlainString()).append("</text></g>\n");
        }
    }

    /**
     * A tick where a bucket starts a local hour (a day or shorter) or a local day (longer periods),
     * labelled with the local time it shows: on a fall-back day 01:00 twice, on a spring-forward day no 02:00.
     */
    private static void timeAxis(List<Bucket> buckets, long periodSec, double scale, StringBuilder page) {
        boolean hourly = periodSec <= HOURLY_TICKS_UP_TO_SEC;
        long offset = 0;
        for (Bucket bucket : buckets) {
            LocalDateTime start = LocalDateTime.parse(bucket.startLocal().substring(0, 19), LOCAL);
            if (start.getMinute() == 0 && (hourly || start.getHour() == 0)) {
                String x = coordinate(LEFT + offset * scale);
                page.append("<g class=\"time\"><line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x)
                        .append("\" y1=\"").append(AGENTS_TOP).append("\" y2=\"").append(CALLS_TOP + CALLS_HEIGHT)
                        .append("\"/><text x=\"").append(x).append("\" y=\"").append(AGENTS_TOP + AGENTS_HEIGHT + 14).append("\">")
                        .append(hourly ? bucket.startLocal().substring(11, 16) : bucket.startLocal().substring(5, 10))
                        .append("</text></g>\n");
            }
            offset += bucket.sec();
        }
    }

    private static String hours(long periodSec) {
        return (periodSec % 3600 == 0 ? String.valueOf(periodSec / 3600) : String.format(Locale.ROOT, "%.2f", periodSec / 3600.0))
                + " hours";
    }

    /** One decimal, without String.format: a month of buckets writes tens of thousands of these. */
    private static String coordinate(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /**
     * A value axis from 0 to a round top: steps of 1, 2 or 5 times a power of ten, about four of them.
     *
     * @param step     the distance between gridlines
     * @param topValue the highest gridline, at least the largest value (1 when every value is 0)
     */
    private record Axis(BigDecimal step, BigDecimal topValue) {

        static Axis upTo(double largest) {
            if (largest <= 0) {
                return new Axis(BigDecimal.ONE, BigDecimal.ONE);
            }
            double rough = largest / 4;
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(rough)));
            BigDecimal step = power;
            for (int factor : new int[] {1, 2, 5, 10}) {
                step = power.multiply(BigDecimal.valueOf(factor));
                if (step.doubleValue() >= rough) {
                    break;
                }
            }
            return new Axis(step, step.multiply(BigDecimal.valueOf(largest).divide(step, 0, RoundingMode.CEILING)));
        }

        double top() {
            return topValue.doubleValue();
        }
    }
}
