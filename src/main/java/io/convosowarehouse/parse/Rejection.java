package io.convosowarehouse.parse;

/** A record of an answer that could not be stored: where it is, why, and the offending JSON. */
public record Rejection(String jsonPath, String reason, String fragment) {

    private static final int MAX_FRAGMENT = 2000;

    public Rejection {
        // PostgreSQL text cannot hold NUL; a reason or fragment quoting one shows it escaped instead
        reason = reason.replace("\u0000", "\\u0000");
        fragment = fragment == null ? null : fragment.replace("\u0000", "\\u0000");
        if (fragment != null && fragment.length() > MAX_FRAGMENT) {
            fragment = fragment.substring(0, MAX_FRAGMENT);
        }
    }
}
