package io.convosowarehouse.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.convosowarehouse.simulator.clock.ManualClock;

/**
 * The demo's simulated time as the job's clock: an answer is received at the simulated minute it describes, as in a
 * live poll, so its receive time, clock skew and coverage are those of the simulated day, not of the day the demo ran.
 */
public final class SimulatedWallClock extends Clock {

    private final ManualClock simulated;
    private final ZoneId simulatedZone;

    /** @param simulatedZone the zone the simulator's local time is in */
    public SimulatedWallClock(ManualClock simulated, ZoneId simulatedZone) {
        this.simulated = simulated;
        this.simulatedZone = simulatedZone;
    }

    @Override
    public Instant instant() {
        return simulated.now().atZone(simulatedZone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return simulatedZone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(simulatedZone) ? this : Clock.fixed(instant(), zone);
    }
}
