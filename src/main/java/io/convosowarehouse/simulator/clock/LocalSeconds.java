package io.convosowarehouse.simulator.clock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timelines count whole seconds of <em>local</em> time: an agent's day is planned on the wall clock
 * the API reports, so a DST switch simply makes one local hour longer or shorter for nobody.
 */
public final class LocalSeconds {

    public static final String NEVER = "0000-00-00 00:00:00";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LocalSeconds() {
    }

    public static long of(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    public static long midnightOf(LocalDate date) {
        return of(date.atStartOfDay());
    }

    public static LocalDate dateOf(long localSeconds) {
        return toDateTime(localSeconds).toLocalDate();
    }

    public static LocalDateTime toDateTime(long localSeconds) {
        return LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
    }

    public static String timestamp(long localSeconds) {
        return TIMESTAMP.format(toDateTime(localSeconds));
    }

    /** "HH:MM:SS"; hours keep counting past 24 like the real API. */
    public static String hhmmss(long seconds) {
        long clamped = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", clamped / 3600, clamped / 60 % 60, clamped % 60);
    }
}
