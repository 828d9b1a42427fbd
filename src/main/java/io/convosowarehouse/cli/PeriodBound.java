package io.convosowarehouse.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.TypeConversionException;

import io.convosowarehouse.exit.ExitCode;

/**
 * One end of a period as a user gives it to any command: an instant with an offset, which means
 * itself, or a local date or date-time, which means a local time of an account (in its time zone).
 */
sealed interface PeriodBound {

    /** As typed, for messages. */
    String text();

    /** The instant this bound means in {@code zone}. */
    Instant in(ZoneId zone);

    /** An instant with an offset: {@code 2025-05-28T07:00:00Z}, {@code 2025-05-28T00:00-07:00}. */
    record Exact(String text, Instant instant) implements PeriodBound {

        @Override
        public Instant in(ZoneId zone) {
            return instant;
        }

        /**
         * The local time in {@code zone} that means this instant, for what takes local times (the reports);
         * refused for an instant in the hour a clock change repeats, whose local time means another instant.
         */
        LocalDateTime localIn(ZoneId zone, String option) {
            LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
            if (!new Local(text, local).in(zone).equals(instant)) {
                throw new CommandFailure(ExitCode.USAGE, option + " " + text + " falls in the hour that " + zone
                        + " repeats when its clocks go back; give it as a local time; nothing was done");
            }
            return local;
        }
    }

    /** A local date (its midnight) or date-time: {@code 2025-05-28}, {@code 2025-05-28T09:00}. */
    record Local(String text, LocalDateTime local) implements PeriodBound {

        /**
         * In a clock change's gap or overlap, the instant PostgreSQL's {@code at time zone} gives too (the
         * offset before a gap, the one after an overlap), since the reports convert in SQL.
         */
        @Override
        public Instant in(ZoneId zone) {
            return local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
        }
    }

    /** Reads what picocli hands over; what is none of the three forms is a usage error naming them. */
    static PeriodBound parse(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            return new Exact(text, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notAnInstant) {
            // a local form, or nothing
        }
        try {
            return new Local(text, LocalDate.parse(value).atStartOfDay());
        } catch (DateTimeParseException notADate) {
            // a local date-time, or nothing
        }
        try {
            return new Local(text, LocalDateTime.parse(value));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a local date (2025-05-28), a local date-time "
                    + "(2025-05-28T09:00) or an instant with an offset (2025-05-28T07:00:00Z, 2025-05-28T00:00:00-07:00)");
        }
    }
}
