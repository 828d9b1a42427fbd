package io.convosowarehouse.simulator.http;

import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.model.Seeds;
import java.util.List;
import java.util.Random;

/**
 * Decides, per request, which fault to inject. The RNG is seeded from the settings so a sequence of
 * requests fails the same way on every run; it never touches the model, so answers stay deterministic.
 */
public final class FaultInjector {

    private static final List<Integer> SERVER_ERROR_STATUSES = List.of(500, 502, 503);

    private final SimulatorSettings settings;
    private final Random random;

    FaultInjector(SimulatorSettings settings) {
        this.settings = settings;
        this.random = new Random(Seeds.mix(settings.seed(), 2));
    }

    synchronized Fault next() {
        if (hits(settings.failRate())) {
            return Fault.SERVER_ERROR;
        }
        if (hits(settings.throttleRate())) {
            return Fault.THROTTLED;
        }
        if (hits(settings.errorBodyRate())) {
            return Fault.ERROR_BODY;
        }
        if (hits(settings.malformedRate())) {
            return random.nextBoolean() ? Fault.TRUNCATED_JSON : Fault.HTML_PAGE;
        }
        return Fault.NONE;
    }

    synchronized int serverErrorStatus() {
        return SERVER_ERROR_STATUSES.get(random.nextInt(SERVER_ERROR_STATUSES.size()));
    }

    // A zero rate draws nothing, so enabling one fault does not shift the others' sequence.
    private boolean hits(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
