package io.convosowarehouse.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first table under one "## " heading of a markdown file, read as the first cell of each row. */
record MarkdownTable(Path file, String heading, List<String> firstCells) {

    static MarkdownTable under(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new IllegalStateException(file + " has no heading \"## " + heading + "\"");
        }
        List<String> cells = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || (inTable && !line.startsWith("|"))) {
                break;
            }
            if (line.startsWith("|")) {
                boolean headerOrRule = !inTable || line.startsWith("|---");
                inTable = true;
                if (!headerOrRule) {
                    cells.add(firstCell(line));
                }
            }
        }
        return new MarkdownTable(file, heading, List.copyOf(cells));
    }

    /** The first cells without their code quotes, e.g. "migrate" for "| `migrate` |". */
    List<String> names() {
        return firstCells.stream().map(cell -> cell.replace("`", "")).toList();
    }

    private static String firstCell(String row) {
        return row.substring(1, row.indexOf('|', 1)).strip();
    }
}
