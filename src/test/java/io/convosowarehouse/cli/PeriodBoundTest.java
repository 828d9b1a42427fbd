package io.convosowarehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

/** The three forms a period's end is given in, and what each means in an account's time zone. No database. */
class PeriodBoundTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aLocalDateIsItsMidnightInTheAccountsTimeZone() {
        PeriodBound date = PeriodBound.parse("2025-05-28");

        assertThat(date).isInstanceOf(PeriodBound.Local.class);
        assertThat(date.in(LOS_ANGELES)).isEqualTo(Instant.parse("2025-05-28T07:00:00Z"));
        assertThat(date.in(LONDON)).isEqualTo(Instant.parse("2025-05-27T23:00:00Z"));
    }

    @Test
    void aLocalDateTimeWithTOrASpaceIsThatTimeInTheAccountsTimeZone() {
        assertThat(PeriodBound.parse("2025-05-28T09:00").in(LOS_ANGELES)).isEqualTo(Instant.parse("2025-05-28T16:00:00Z"));
        assertThat(PeriodBound.parse("2025-05-28 09:00:30").in(LOS_ANGELES)).isEqualTo(Instant.parse("2025-05-28T16:00:30Z"));
    }

    @Test
    void anInstantWithAnOffsetMeansItselfInEveryTimeZone() {
        for (String text : new String[] {"2025-05-28T07:00:00Z", "2025-05-28T00:00:00-07:00", "2025-05-28T08:00+01:00"}) {
            PeriodBound instant = PeriodBound.parse(text);

            assertThat(instant).as(text).isInstanceOf(PeriodBound.Exact.class);
            assertThat(instant.in(LOS_ANGELES)).as(text).isEqualTo(Instant.parse("2025-05-28T07:00:00Z"));
            assertThat(instant.in(LONDON)).as(text).isEqualTo(Instant.parse("2025-05-28T07:00:00Z"));
        }
    }

    @Test
    void aLocalTimeAtAClockChangeMeansWhatPostgresqlTakesItFor() {
        // what "select cast('2025-11-02 01:30' as timestamp) at time zone 'America/Los_Angeles'" gives, and so the reports
        assertThat(PeriodBound.parse("2025-11-02T01:30").in(LOS_ANGELES)).isEqualTo(Instant.parse("2025-11-02T09:30:00Z"));
        assertThat(PeriodBound.parse("2025-03-09T02:30").in(LOS_ANGELES)).isEqualTo(Instant.parse("2025-03-09T10:30:00Z"));
    }

    @Test
    void anInstantBecomesTheLocalTimeThatMeansItUnlessItsHourRepeats() {
        PeriodBound.Exact morning = (PeriodBound.Exact) PeriodBound.parse("2025-05-28T07:00:00Z");
        assertThat(morning.localIn(LOS_ANGELES, "--from")).hasToString("2025-05-28T00:00");

        PeriodBound.Exact firstOfTwo = (PeriodBound.Exact) PeriodBound.parse("2025-11-02T08:30:00Z"); // 01:30 PDT
        assertThatThrownBy(() -> firstOfTwo.localIn(LOS_ANGELES, "--from")).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("--from 2025-11-02T08:30:00Z falls in the hour that America/Los_Angeles repeats");
    }

    @Test
    void anythingElseIsRefusedNamingTheThreeForms() {
        for (String text : new String[] {"28/05/2025", "2025-05-28T25:00", "yesterday", "2025-05-28Z", ""}) {
            assertThatThrownBy(() -> PeriodBound.parse(text)).as(text).isInstanceOf(TypeConversionException.class)
                    .hasMessage("'" + text + "' is not a local date (2025-05-28), a local date-time (2025-05-28T09:00) or an "
                            + "instant with an offset (2025-05-28T07:00:00Z, 2025-05-28T00:00:00-07:00)");
        }
    }
}
