package io.convosowarehouse.load;

import java.time.Duration;
import java.time.Instant;

/** How far the API's clock (data.time) ran ahead of ours when an answer arrived. */
final class ClockSkew {

    private ClockSkew() {
    }

    /** Rounded to the nearest second: Duration.toSeconds() floors, so a 0.15 s lag would read as -1 s. */
    static int seconds(Instant receivedAt, Instant observedAt) {
        return Math.toIntExact(Math.round(Duration.between(receivedAt, observedAt).toMillis() / 1000.0));
    }
}
