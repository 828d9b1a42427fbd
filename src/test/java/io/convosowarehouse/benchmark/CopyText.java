package io.convosowarehouse.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL COPY text format for {@link BaselineRows}: tabs between columns, {@code \N} for NULL,
 * backslash escapes, array literals for bigint[] and text[]. Built before the timer starts, so the
 * baseline times the server's COPY and nothing of ours.
 */
final class CopyText {

    private CopyText() {
    }

    static byte[] of(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 400);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                append(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof Long[] ids) {
            out.append(ArrayLiterals.ofLongs(ids));
        } else if (value instanceof String[] texts) {
            escaped(out, ArrayLiterals.ofTexts(texts));
        } else {
            escaped(out, value.toString()); // numbers, and Instant as ISO-8601 with Z
        }
    }

    private static void escaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
