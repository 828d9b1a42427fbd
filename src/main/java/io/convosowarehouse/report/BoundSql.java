package io.convosowarehouse.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report's SQL with its psql variables ({@code :'name'} and {@code :name}) replaced by {@code ?}
 * placeholders and the values to bind to them, in order. Values are never written into the SQL.
 * Variables inside string literals, quoted identifiers, comments and dollar quotes are left alone,
 * as psql leaves them, and {@code ::} is a cast, not a variable.
 *
 * @param sql    SQL with one {@code ?} per variable reference
 * @param values the value of each {@code ?}, in order
 */
public record BoundSql(String sql, List<String> values) {

    public BoundSql {
        values = List.copyOf(values);
    }

    /** The names of the variables a SQL text refers to, in order of first use. */
    public static Set<String> variablesOf(String sql) {
        Set<String> names = new LinkedHashSet<>();
        scan(sql, names::add, null);
        return names;
    }

    /** Binds every variable of {@code sql}; a variable without a value is an error. */
    public static BoundSql bind(String sql, Map<String, String> values) {
        List<String> bound = new ArrayList<>();
        String text = scan(sql, name -> {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for parameter '" + name + "'");
            }
            bound.add(value);
        }, "?");
        return new BoundSql(text, bound);
    }

    private interface VariableSink {
        void accept(String name);
    }

    /** Walks the SQL like psql's lexer; each variable goes to the sink and is replaced by placeholder (if given). */
    private static String scan(String sql, VariableSink sink, String placeholder) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = closing(sql, i + 1, "'");
            } else if (c == '"') {
                end = closing(sql, i + 1, "\"");
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                end = newline < 0 ? n : newline;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = closing(sql, i + 2, "*/");
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                end = closing(sql, i + tag.length(), tag);
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int close = sql.indexOf('\'', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated :'variable' at offset " + i);
                }
                sink.accept(sql.substring(i + 2, close));
                out.append(placeholder == null ? sql.substring(i, close + 1) : placeholder);
                i = close + 1;
                continue;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))) {
                int nameEnd = i + 1;
                while (nameEnd < n && isNamePart(sql.charAt(nameEnd))) {
                    nameEnd++;
                }
                sink.accept(sql.substring(i + 1, nameEnd));
                out.append(placeholder == null ? sql.substring(i, nameEnd) : placeholder);
                i = nameEnd;
                continue;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    private static int closing(String sql, int from, String terminator) {
        int at = sql.indexOf(terminator, from);
        return at < 0 ? sql.length() : at + terminator.length();
    }

    /** The $tag$ starting at i, or null when the $ starts no dollar quote. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && isNamePart(sql.charAt(j))) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || isNameStart(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
