package io.convosowarehouse.simulator.clock;

import java.time.LocalDateTime;

/** Source of the simulated wall-clock time, local to the account's time zone. */
public interface SimulationClock {

    /** The current simulated local time. */
    LocalDateTime now();
}
