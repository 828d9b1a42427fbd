package io.convosowarehouse.report;

/** A picture of one report's rows, written into its HTML page as inline SVG or HTML (no script, no request). */
interface ReportChart {

    /** Appends the chart's markup. */
    void draw(ReportResult result, StringBuilder page);

    /** Whether the chart shows every row itself, so the page needs no table (a timeline's bars carry their rows). */
    boolean showsEveryRow();
}
