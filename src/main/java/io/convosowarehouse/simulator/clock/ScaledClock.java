package io.convosowarehouse.simulator.clock;

import java.time.LocalDateTime;

/**
 * Simulated time that starts at a given local time and runs {@code speed} times faster than real time,
 * counted from construction.
 */
public final class ScaledClock implements SimulationClock {

    private final LocalDateTime start;
    private final double speed;
    private final long startNanos;

    public ScaledClock(LocalDateTime start, double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.start = start;
        this.speed = speed;
        this.startNanos = System.nanoTime();
    }

    @Override
    public LocalDateTime now() {
        long realNanos = System.nanoTime() - startNanos;
        return start.plusNanos((long) (realNanos * speed));
    }
}
