package io.convosowarehouse.load;

import java.time.Instant;

/**
 * Writes one row of PostgreSQL's COPY text format: tab-separated columns, {@code \N} for NULL,
 * and backslash escapes so that names with tabs, newlines, backslashes or quotes arrive exactly.
 */
final class CopyTextRow {

    private final StringBuilder out;
    private boolean first = true;

    CopyTextRow(StringBuilder out) {
        this.out = out;
    }

    CopyTextRow value(Object value) {
        separator();
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Instant instant) {
            out.append(instant); // ISO-8601 with Z, which timestamptz reads as UTC
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof Number number) {
            out.append(number);
        } else if (value instanceof Long[] ids) {
            out.append('{');
            for (int i = 0; i < ids.length; i++) {
                out.append(i == 0 ? "" : ",").append(ids[i]);
            }
            out.append('}');
        } else if (value instanceof String[] texts) {
            escaped(arrayLiteral(texts));
        } else {
            escaped(value.toString());
        }
        return this;
    }

    void end() {
        out.append('\n');
        first = true;
    }

    private void separator() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }

    /** A text[] literal: every element double-quoted, with backslash and quote escaped. */
    private static String arrayLiteral(String[] texts) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < texts.length; i++) {
            literal.append(i == 0 ? "\"" : ",\"");
            for (char c : texts[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private void escaped(String text) {
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
