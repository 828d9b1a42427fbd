package io.convosowarehouse.report;

import java.io.PrintWriter;

/** Writes a report's result in one output format; the report's name lets a format draw what that report is about. */
public interface ReportRenderer {

    void render(String reportName, ReportResult result, PrintWriter out);
}
