package io.convosowarehouse.simulator.clock;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** Simulated time that only moves when told to; lets demos and tests step through a day instantly. */
public final class ManualClock implements SimulationClock {

    private final AtomicReference<LocalDateTime> now;

    public ManualClock(LocalDateTime start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public LocalDateTime now() {
        return now.get();
    }

    public void set(LocalDateTime time) {
        now.set(time);
    }

    /** Moves the clock forward (or backward, for a negative step) and returns the new time. */
    public LocalDateTime advance(Duration step) {
        return now.updateAndGet(current -> current.plus(step));
    }
}
