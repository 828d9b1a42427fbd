package io.convosowarehouse.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.convosowarehouse.report.ReportCatalog;
import io.convosowarehouse.report.ReportDefinition;
import io.convosowarehouse.report.ReportFormat;
import io.convosowarehouse.report.ReportRunner;

/** The demo's last word: the simulated shift as the shift_timeline page, the same one `report --format html` writes. */
@Component
public class DemoTimelinePage {

    private final ReportRunner reportRunner;

    public DemoTimelinePage(ReportRunner reportRunner) {
        this.reportRunner = reportRunner;
    }

    public void write(String account, LocalDateTime from, LocalDateTime to, Path file) {
        ReportDefinition timeline = ReportCatalog.fromClasspath().find("shift_timeline")
                .orElseThrow(() -> new IllegalStateException("the jar has no sql-reports/shift_timeline.sql"));
        var result = reportRunner.run(timeline, Map.of("from", from.toString(), "to", to.toString(), "account", account));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            ReportFormat.HTML.renderer().render(timeline.name(), result, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the timeline page " + file, e);
        }
    }
}
