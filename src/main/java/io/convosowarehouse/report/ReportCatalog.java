package io.convosowarehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The reports in {@code sql-reports/}: packaged in the jar under {@code sql-reports/}, or read from a
 * directory (tests, a checkout). Reading needs no database, so {@code report --list} starts no context.
 */
public final class ReportCatalog {

    private final Map<String, ReportDefinition> reports;

    private ReportCatalog(Map<String, ReportDefinition> reports) {
        this.reports = reports;
    }

    /** The reports packaged on the classpath (the jar's sql-reports/). */
    public static ReportCatalog fromClasspath() {
        return load("classpath*:sql-reports/*.sql");
    }

    /** The reports of a directory, e.g. the checkout's sql-reports. */
    public static ReportCatalog fromDirectory(Path directory) {
        return load(directory.toAbsolutePath().toUri() + "*.sql");
    }

    private static ReportCatalog load(String pattern) {
        Map<String, ReportDefinition> reports = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String fileName = resource.getFilename();
                if (fileName == null || !fileName.endsWith(".sql")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - ".sql".length());
                try (InputStream in = resource.getInputStream()) {
                    reports.put(name, ReportDefinition.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reports at " + pattern, e);
        }
        return new ReportCatalog(Map.copyOf(reports));
    }

    public Collection<ReportDefinition> all() {
        return new TreeMap<>(reports).values();
    }

    public Optional<ReportDefinition> find(String name) {
        return Optional.ofNullable(reports.get(name));
    }
}
