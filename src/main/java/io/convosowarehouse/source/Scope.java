package io.convosowarehouse.source;

import java.util.Locale;

/**
 * What one call is filtered by. The account scope has no filter; the others map onto the API's
 * {@code campaign_id}, {@code queue_id}, {@code user_id} and {@code filter_by_skill_options} parameters.
 */
public record Scope(Kind kind, String id) {

    public enum Kind {
        ACCOUNT, CAMPAIGN, QUEUE, USER, SKILL;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Scope ACCOUNT = new Scope(Kind.ACCOUNT, "");

    public Scope {
        id = kind == Kind.ACCOUNT ? "" : id;
    }

    public static Scope campaign(long id) {
        return new Scope(Kind.CAMPAIGN, Long.toString(id));
    }

    public static Scope queue(long id) {
        return new Scope(Kind.QUEUE, Long.toString(id));
    }

    /** Reads {@code account}, {@code campaign:ID}, {@code queue:ID}, {@code user:ID} or {@code skill:A,B}. */
    public static Scope parse(String text) {
        String[] parts = text.split(":", 2);
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope must be account, campaign:ID, queue:ID, user:ID or skill:NAMES, not '" + text + "'");
        }
        if (kind == Kind.ACCOUNT) {
            return ACCOUNT;
        }
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("scope " + kind.sqlName() + " needs a value, e.g. " + kind.sqlName() + ":123");
        }
        if (kind != Kind.SKILL && !parts[1].trim().matches("\\d+")) {
            throw new IllegalArgumentException("scope " + kind.sqlName() + " needs a numeric id, not '" + parts[1] + "'");
        }
        return new Scope(kind, parts[1].trim());
    }

    /** The query parameter this scope filters by, or null for the account scope. */
    String queryParameter() {
        return switch (kind) {
            case ACCOUNT -> null;
            case CAMPAIGN -> "campaign_id";
            case QUEUE -> "queue_id";
            case USER -> "user_id";
            case SKILL -> "filter_by_skill_options";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.ACCOUNT ? "account" : kind.sqlName() + ":" + id;
    }
}
