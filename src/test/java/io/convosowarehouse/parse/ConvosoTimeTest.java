package io.convosowarehouse.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ConvosoTimeTest {

    private final ConvosoTime losAngeles = new ConvosoTime(ZoneId.of("America/Los_Angeles"));

    @Test
    void anOrdinaryLocalTimeTakesTheZonesOffset() {
        assertThat(losAngeles.toInstant(LocalDateTime.parse("2025-05-28T14:43:52"), Instant.parse("2025-05-28T22:00:00Z")))
                .isEqualTo("2025-05-28T21:43:52Z");
        assertThat(losAngeles.toInstant(LocalDateTime.parse("2025-01-15T09:00:00"), Instant.parse("2025-01-15T18:00:00Z")))
                .isEqualTo("2025-01-15T17:00:00Z");
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        // 2025-03-09 02:00 PST does not exist in Los Angeles: clocks jump to 03:00 PDT
        assertThat(losAngeles.toInstant(LocalDateTime.parse("2025-03-09T02:30:00"), Instant.parse("2025-03-09T12:00:00Z")))
                .isEqualTo("2025-03-09T10:30:00Z"); // 03:30 PDT
    }

    @Test
    void aTimeInTheFallBackOverlapTakesTheLaterOffsetWhenThatIsNotAfterTheObservation() {
        // 2025-11-02 01:30 happens twice: 08:30Z (PDT) and 09:30Z (PST)
        LocalDateTime twice = LocalDateTime.parse("2025-11-02T01:30:00");
        assertThat(losAngeles.toInstant(twice, Instant.parse("2025-11-02T09:45:00Z"))).isEqualTo("2025-11-02T09:30:00Z");
        assertThat(losAngeles.toInstant(twice, Instant.parse("2025-11-02T09:30:00Z"))).isEqualTo("2025-11-02T09:30:00Z");
    }

    @Test
    void aTimeInTheFallBackOverlapTakesTheEarlierOffsetWhenTheLaterWouldBeInTheFuture() {
        LocalDateTime twice = LocalDateTime.parse("2025-11-02T01:30:00");
        assertThat(losAngeles.toInstant(twice, Instant.parse("2025-11-02T08:40:00Z"))).isEqualTo("2025-11-02T08:30:00Z");
    }
}
