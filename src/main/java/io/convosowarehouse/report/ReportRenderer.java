package io.convosowarehouse.report;

import java.io.PrintWriter;

/** Writes a report's result in one output format. */
public interface ReportRenderer {

    void render(ReportResult result, PrintWriter out);
}
