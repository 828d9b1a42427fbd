package io.convosowarehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** snapshot.clock_skew_sec is the source clock's lead over ours, rounded to the nearest second. */
class ClockSkewTest {

    private static final Instant RECEIVED = Instant.parse("2025-06-02T17:51:50Z");

    @Test
    void aSourceClockBehindOursRoundsToTheNearestSecondNotDown() {
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.minusMillis(150))).isZero();
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.minusMillis(1200))).isEqualTo(-1);
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.minusMillis(1700))).isEqualTo(-2);
    }

    @Test
    void aSourceClockAheadOfOursRoundsTheSameWay() {
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.plusMillis(150))).isZero();
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.plusMillis(1200))).isEqualTo(1);
        assertThat(ClockSkew.seconds(RECEIVED, RECEIVED.plusSeconds(3))).isEqualTo(3);
    }
}
