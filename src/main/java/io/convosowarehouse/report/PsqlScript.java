package io.convosowarehouse.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report file read the way psql reads it: the SQL, the parameter defaults its meta-command lines
 * set, and the parameters it stops without. Only the two idioms reports use are understood, each
 * on one line or spread over several (psql runs the backslash commands of a line one after another):
 * <pre>
 * \if :{?bucket} \else \set bucket 60 \endif
 * \if :{?to} \else \warn 'NAME.sql: -v to is missing; ...' \quit \endif
 * </pre>
 * ("if the caller did not set bucket, set it to 60"; "if the caller did not set to, say so and stop":
 * psql would otherwise fail on the bare {@code :'to'} with a syntax error). Any other meta-command is
 * refused, so a report never means something different to psql and to the command line, which says
 * what is missing in its own words ("report NAME needs --to").
 *
 * @param sql      the file without its meta-command lines and without the final semicolon
 * @param defaults parameter values set when the caller gives none
 * @param required parameters without which psql stops
 */
public record PsqlScript(String sql, Map<String, String> defaults, Set<String> required) {

    private static final Pattern IF_DEFINED = Pattern.compile("\\\\if\\s+:\\{\\?([A-Za-z_][A-Za-z0-9_]*)}\\s*");
    private static final Pattern SET = Pattern.compile("\\\\set\\s+([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(.*?))?\\s*");
    private static final Pattern WARN = Pattern.compile("\\\\warn\\s+'[^']*'");
    /** The backslash that starts the next meta-command of a line: one outside a quoted argument. */
    private static final Pattern META_COMMAND = Pattern.compile("\\\\(?=(?:[^']*'[^']*')*[^']*$)");

    public PsqlScript {
        defaults = Map.copyOf(defaults);
        required = Set.copyOf(required);
    }

    public static PsqlScript parse(String text) {
        StringBuilder sql = new StringBuilder();
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        // each open \if: the variable it tests and whether we are in its \else branch
        Deque<String[]> conditions = new ArrayDeque<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (!trimmed.startsWith("\\")) {
                sql.append(line).append('\n');
                continue;
            }
            for (String command : META_COMMAND.split(trimmed.substring(1))) {
                String metaCommand = "\\" + command.strip();
                Matcher ifDefined = IF_DEFINED.matcher(metaCommand);
                Matcher set = SET.matcher(metaCommand);
                boolean inElse = !conditions.isEmpty() && conditions.peek()[1].equals("else");
                if (ifDefined.matches()) {
                    conditions.push(new String[] {ifDefined.group(1), "then"});
                } else if (metaCommand.equals("\\else") && !conditions.isEmpty()) {
                    conditions.peek()[1] = "else";
                } else if (metaCommand.equals("\\endif") && !conditions.isEmpty()) {
                    conditions.pop();
                } else if (set.matches() && inElse && conditions.peek()[0].equals(set.group(1))) {
                    defaults.put(set.group(1), unquote(set.group(2)));
                } else if (WARN.matcher(metaCommand).matches() && inElse) {
                    // psql's message only: the command line checks required parameters itself, before it runs anything
                } else if (metaCommand.equals("\\quit") && inElse) {
                    required.add(conditions.peek()[0]);
                } else {
                    throw new IllegalArgumentException("line " + lineNumber + ": only '\\if :{?name} \\else \\set name value \\endif'"
                            + " defaults and '\\if :{?name} \\else \\warn 'message' \\quit \\endif' checks are supported, not: "
                            + metaCommand);
                }
            }
        }
        if (!conditions.isEmpty()) {
            throw new IllegalArgumentException("\\if :{?" + conditions.peek()[0] + "} has no \\endif");
        }
        return new PsqlScript(withoutFinalSemicolon(sql.toString()), defaults, required);
    }

    /** psql's \set joins its arguments; reports give one, possibly in single quotes ('' is empty). */
    private static String unquote(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    private static String withoutFinalSemicolon(String sql) {
        String stripped = sql.strip();
        return stripped.endsWith(";") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
