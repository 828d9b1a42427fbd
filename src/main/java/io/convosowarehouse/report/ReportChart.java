package io.convosowarehouse.report;

/**
 * A picture of one report's rows, written into its HTML page as inline SVG or HTML, with at most one
 * script of the project's own (never built from data) and no request.
 */
interface ReportChart {

    /** Appends the chart's markup. */
    void draw(ReportResult result, StringBuilder page);

    /** Whether the chart shows every row itself, so the page needs no table (a timeline's bars carry their rows). */
    boolean showsEveryRow();

    /** The chart's script, inlined at the end of the page and the only one its policy lets run; empty for none. */
    default String script() {
        return "";
    }
}
