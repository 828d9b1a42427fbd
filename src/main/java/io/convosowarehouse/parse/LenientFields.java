package io.convosowarehouse.parse;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object the way the Convoso API needs: numbers may come as strings
 * and strings as numbers, {@code "-"} and {@code ""} mean "no value", {@code "0"} means "no id",
 * {@code "0000-00-00 00:00:00"} means "never", and an empty list may come as {@code {}}.
 * <p>
 * A value that cannot be stored does not throw: it is noted as a problem and read as NULL, so the
 * caller can reject the whole record with every reason at once.
 */
final class LenientFields {

    private static final DateTimeFormatter CONVOSO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> NO_VALUE = Set.of("", "-");
    private static final String NEVER = "0000-00-00 00:00:00";

    private final JsonNode object;
    private final ConvosoTime time;
    private final Instant reference;
    private final List<String> problems = new ArrayList<>();

    LenientFields(JsonNode object, ConvosoTime time, Instant reference) {
        this.object = object;
        this.time = time;
        this.reference = reference;
    }

    List<String> problems() {
        return problems;
    }

    /** The text of a scalar field; "-" and "" read as NULL. Any characters are kept exactly. */
    String text(String field) {
        String raw = scalar(field);
        if (raw != null && raw.indexOf(0) >= 0) {
            return problem(field, "contains a NUL character, which PostgreSQL text cannot hold");
        }
        return raw == null || NO_VALUE.contains(raw) ? null : raw;
    }

    /** An identifier: a non-negative whole number; "0", "-" and "" read as NULL. */
    Long id(String field) {
        String raw = scalar(field);
        if (raw == null || NO_VALUE.contains(raw)) {
            return null;
        }
        Long value = parseLong(field, raw);
        if (value == null) {
            return null;
        }
        if (value < 0) {
            return problem(field, "negative id " + raw);
        }
        return value == 0 ? null : value;
    }

    /** A whole number that fits in a PostgreSQL integer. */
    Integer integer(String field) {
        Long value = bigint(field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return problem(field, "out of range for an integer: " + value);
        }
        return value.intValue();
    }

    /** A whole number that fits in a PostgreSQL bigint. */
    Long bigint(String field) {
        String raw = scalar(field);
        return raw == null || NO_VALUE.contains(raw) ? null : parseLong(field, raw);
    }

    /** An exact decimal such as a percentage "1.54". */
    BigDecimal decimal(String field) {
        String raw = scalar(field);
        if (raw == null || NO_VALUE.contains(raw)) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return problem(field, "not a number: " + quote(raw));
        }
    }

    /** A "0"/"1" flag (also true/false). */
    Boolean flag(String field) {
        String raw = scalar(field);
        if (raw == null || NO_VALUE.contains(raw)) {
            return null;
        }
        return switch (raw.trim()) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> problem(field, "not a 0/1 flag: " + quote(raw));
        };
    }

    /** A local "yyyy-MM-dd HH:mm:ss" timestamp in the account's zone; the zero date reads as NULL. */
    Instant timestamp(String field) {
        String raw = scalar(field);
        if (raw == null || NO_VALUE.contains(raw) || NEVER.equals(raw)) {
            return null;
        }
        try {
            return time.toInstant(localTimestamp(raw.trim()), reference);
        } catch (DateTimeParseException e) {
            return problem(field, "not a yyyy-MM-dd HH:mm:ss timestamp: " + quote(raw));
        }
    }

    /**
     * The formatter, after a direct read of the usual well-formed value: an answer holds six timestamps per agent,
     * and the formatter took a quarter of the parse of a 5,000-agent answer. Anything the direct read does not take
     * (another shape, a day past the month's end, year 0) goes to the formatter, so the results are the formatter's.
     */
    private static LocalDateTime localTimestamp(String text) {
        if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year > 0 && month > 0 && day > 0 && hour >= 0 && minute >= 0 && second >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second);
                } catch (DateTimeException e) {
                    // left to the formatter, which clamps some of these and explains the rest
                }
            }
        }
        return LocalDateTime.parse(text, CONVOSO_TIMESTAMP);
    }

    /** The ASCII digits text[from, to) as a number, or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A duration "HH:MM:SS" (or "MM:SS") as seconds. */
    Integer duration(String field) {
        String raw = scalar(field);
        if (raw == null || NO_VALUE.contains(raw)) {
            return null;
        }
        // one pass over the characters: there are a dozen durations per agent
        String text = raw.trim();
        long seconds = 0;
        long part = 0;
        int partDigits = 0;
        int parts = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && partDigits > 0 && parts < 3) {
                seconds = seconds * 60 + part;
                part = 0;
                partDigits = 0;
                parts++;
            } else if (Character.isDigit(c) && partDigits < 9) {
                part = part * 10 + Character.digit(c, 10);
                partDigits++;
            } else {
                return problem(field, "not an HH:MM:SS duration: " + quote(raw));
            }
        }
        if (partDigits == 0 || parts < 2) {
            return problem(field, "not an HH:MM:SS duration: " + quote(raw));
        }
        seconds = seconds * 60 + part;
        if (seconds > Integer.MAX_VALUE) {
            return problem(field, "duration out of range: " + quote(raw));
        }
        return (int) seconds;
    }

    /** A list of ids: a JSON array, {} or "" for none, or a comma-separated string. */
    Long[] idList(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isContainer()) {
                    return problem(field, "a list of ids holds a nested " + JsonTypes.of(item));
                }
                items.add(item.asString());
            }
        } else if (node.isObject()) {
            if (!node.isEmpty()) {
                return problem(field, "expected a list of ids, got a non-empty object");
            }
        } else {
            for (String item : node.asString().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        Long[] ids = new Long[items.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = parseLong(field, items.get(i));
            if (ids[i] == null) {
                return null;
            }
        }
        return ids;
    }

    /** Skills: the API's pipe-separated string ("|Spanish|TechSupport|") or a JSON array. */
    String[] skills(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> skills = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isContainer()) {
                    return problem(field, "a skill list holds a nested " + JsonTypes.of(item));
                }
                skills.add(item.asString());
            }
        } else if (node.isObject()) {
            if (!node.isEmpty()) {
                return problem(field, "expected skills, got a non-empty object");
            }
        } else {
            for (String skill : node.asString().split("\\|")) {
                if (!skill.isEmpty()) {
                    skills.add(skill);
                }
            }
        }
        return skills.toArray(String[]::new);
    }

    private String scalar(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainer()) {
            // {} and [] are the API's way of saying "nothing" where a scalar is expected
            if (node.isEmpty()) {
                return null;
            }
            return problem(field, "expected a single value, got " + JsonTypes.of(node));
        }
        return node.asString();
    }

    private Long parseLong(String field, String raw) {
        String trimmed = raw.trim();
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException notWhole) {
            try {
                // "12.0" is a whole number written as a decimal; "12.5" is not a count
                return new BigDecimal(trimmed).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return problem(field, "not a whole number in range: " + quote(raw));
            }
        }
    }

    private <T> T problem(String field, String message) {
        problems.add(field + ": " + message);
        return null;
    }

    private static String quote(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return '"' + shown + '"';
    }
}
