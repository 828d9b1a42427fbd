package io.convosowarehouse.simulator;

import io.convosowarehouse.simulator.clock.ScaledClock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Everything that shapes a simulated account and the misbehaviour of its HTTP endpoint.
 *
 * <p>Rates are probabilities in [0, 1] decided per request by an RNG seeded from {@code seed}.
 *
 * @param port          TCP port to bind on 127.0.0.1, 0 for any free port
 * @param authToken     the only {@code auth_token} accepted
 * @param agents        number of agents on the roster
 * @param campaigns     number of campaigns of the account
 * @param queues        number of inbound queues of the account
 * @param seed          seed of the roster, the agents' days and the fault decisions
 * @param timeZone      the account's time zone: clocks and answers use local times in it, clients need it
 *                      to turn them into instants
 * @param start         simulated local time at which a {@link ScaledClock} starts
 * @param speed         simulated seconds per real second for a {@link ScaledClock}
 * @param failRate      share of requests answered with HTTP 500/502/503
 * @param throttleRate  share of requests answered with HTTP 429 and {@code Retry-After: 1}
 * @param latencyMs     delay before every answer
 * @param malformedRate share of requests answered with truncated JSON or an HTML page (HTTP 200)
 * @param errorBodyRate share of requests answered with HTTP 200 and a {@code "success":false} body
 * @param quirks        whether answers show the real API's loose typing and placeholders
 */
public record SimulatorSettings(
        int port,
        String authToken,
        int agents,
        int campaigns,
        int queues,
        long seed,
        ZoneId timeZone,
        LocalDateTime start,
        double speed,
        double failRate,
        double throttleRate,
        int latencyMs,
        double malformedRate,
        double errorBodyRate,
        boolean quirks) {

    // the messages name the options of simulate, where a person gives these values
    public SimulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 (any free port) and 65535, not " + port);
        }
        atLeastOne("--agents", agents);
        atLeastOne("--campaigns", campaigns);
        atLeastOne("--queues", queues);
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a positive number of simulated seconds per second, not " + speed);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("--latency-ms must be 0 or more, not " + latencyMs);
        }
        share("--fail-rate", failRate);
        share("--throttle-rate", throttleRate);
        share("--malformed-rate", malformedRate);
        share("--error-body-rate", errorBodyRate);
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
    }

    private static void share(String option, double rate) {
        // written so that NaN fails too
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(option + " must be a share of requests from 0 to 1, such as 0.05, not " + rate);
        }
    }

    /** 50 agents in 3 campaigns and 4 queues in Los Angeles, starting 2025-05-28 06:00, no faults. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(0, "demo-token", 50, 3, 4, 42L, ZoneId.of("America/Los_Angeles"),
                LocalDateTime.of(2025, 5, 28, 6, 0), 1.0, 0, 0, 0, 0, 0, false);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(port, authToken, agents, campaigns, queues, newSeed, timeZone, start, speed,
                failRate, throttleRate, latencyMs, malformedRate, errorBodyRate, quirks);
    }

    public SimulatorSettings withQuirks(boolean newQuirks) {
        return new SimulatorSettings(port, authToken, agents, campaigns, queues, seed, timeZone, start, speed,
                failRate, throttleRate, latencyMs, malformedRate, errorBodyRate, newQuirks);
    }

    /** The same account with a different fault mix; the model stays untouched. */
    public SimulatorSettings withFaults(double newFailRate, double newThrottleRate, int newLatencyMs,
                                        double newMalformedRate, double newErrorBodyRate) {
        return new SimulatorSettings(port, authToken, agents, campaigns, queues, seed, timeZone, start, speed,
                newFailRate, newThrottleRate, newLatencyMs, newMalformedRate, newErrorBodyRate, quirks);
    }
}
