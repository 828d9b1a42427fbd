package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A report's CSV output read back into rows keyed by column name (values never hold commas here). */
record CsvTable(List<String> header, List<Map<String, String>> rows) {

    /** Parses from the header line on, so log lines printed before it are skipped. */
    static CsvTable parse(String output, String firstColumn) {
        List<String> lines = output.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(firstColumn + ",")) {
            start++;
        }
        assertThat(start).as("no CSV header starting with %s in:%n%s", firstColumn, output).isLessThan(lines.size());
        List<String> header = Arrays.asList(lines.get(start).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            assertThat(values).as(line).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(header.get(i), values[i]);
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    /** The only row matching all column=value pairs. */
    Map<String, String> row(String... columnValuePairs) {
        Predicate<Map<String, String>> matches = row -> {
            for (int i = 0; i < columnValuePairs.length; i += 2) {
                if (!columnValuePairs[i + 1].equals(row.get(columnValuePairs[i]))) {
                    return false;
                }
            }
            return true;
        };
        List<Map<String, String>> found = rows.stream().filter(matches).toList();
        assertThat(found).as("rows matching %s", Arrays.toString(columnValuePairs)).hasSize(1);
        return found.get(0);
    }

    List<String> column(String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }
}
