package io.convosowarehouse.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What the demo simulates: a contact center of {@code agents} agents, polled once every
 * {@code pollEvery} of simulated time for {@code length}, starting at local time {@code start}.
 */
public record DemoShift(int agents, long seed, ZoneId timeZone, LocalDateTime start, Duration length, Duration pollEvery) {

    public long polls() {
        return length.dividedBy(pollEvery);
    }
}
