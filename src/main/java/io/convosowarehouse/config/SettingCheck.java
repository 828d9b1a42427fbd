package io.convosowarehouse.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Checks of setting values, for the compact constructors of the settings records: a value that makes no sense
 * fails the start, before any work, naming the setting and its environment variable (what an operator changes).
 * Plain checks rather than Bean Validation, which would add a validator to the start-up of every one-minute poll.
 */
final class SettingCheck {

    private SettingCheck() {
    }

    static void atLeast(int minimum, int value, String setting) {
        if (value < minimum) {
            throw new IllegalArgumentException(named(setting) + " must be at least " + minimum + ", not " + value);
        }
    }

    static void positive(Duration value, String setting) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(named(setting) + " must be a positive duration such as 30s, not " + shown(value));
        }
    }

    /** For retention periods, where 0 means "keep forever". */
    static void zeroOrPositive(Duration value, String setting) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(named(setting) + " must be a positive duration such as 90d, or 0 to keep forever, not "
                    + shown(value));
        }
    }

    /** {@code convoso.http.max-attempts (CONVOSO_HTTP_MAX_ATTEMPTS)}: Spring Boot's environment variable for the setting. */
    private static String named(String setting) {
        return setting + " (" + setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")";
    }

    private static String shown(Duration value) {
        return value == null ? "empty" : value.toString();
    }
}
