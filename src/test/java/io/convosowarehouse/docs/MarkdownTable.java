package io.convosowarehouse.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The first table under one "## " heading of a markdown file, read as the cells of each row. */
record MarkdownTable(Path file, String heading, List<List<String>> rows) {

    static MarkdownTable under(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new IllegalStateException(file + " has no heading \"## " + heading + "\"");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || (inTable && !line.startsWith("|"))) {
                break;
            }
            if (line.startsWith("|")) {
                boolean headerOrRule = !inTable || line.startsWith("|---");
                inTable = true;
                if (!headerOrRule) {
                    rows.add(cells(line));
                }
            }
        }
        return new MarkdownTable(file, heading, List.copyOf(rows));
    }

    /** The first cells without their code quotes, e.g. "migrate" for "| `migrate` |". */
    List<String> names() {
        return column(0);
    }

    /** The cells of one column, without their code quotes. */
    List<String> column(int index) {
        return rows.stream().map(row -> row.get(index).replace("`", "")).toList();
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.substring(1).split("\\|")).map(String::strip).toList();
    }
}
