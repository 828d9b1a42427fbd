package io.convosowarehouse.simulator.model;

import io.convosowarehouse.simulator.clock.LocalSeconds;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns an agent's shift start into a concrete plan for one day: staggered login, two breaks, a lunch. */
public final class ShiftPlanner {

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    private ShiftPlanner() {
    }

    static ShiftPlan plan(AgentProfile agent, LocalDate date, RandomGenerator random) {
        long shiftStart = LocalSeconds.of(date.atTime(agent.shiftStart()));
        // Agents drift in from ten minutes early to a quarter of an hour late.
        long login = shiftStart + random.nextLong(-10 * MINUTE, 15 * MINUTE);
        long length = 8 * HOUR + random.nextLong(15 * MINUTE, 60 * MINUTE);
        List<ShiftPlan.PlannedPause> pauses = List.of(
                pause(login + 2 * HOUR, 15 * MINUTE, "Break", random),
                pause(login + 4 * HOUR, 30 * MINUTE, "Lunch", random),
                pause(login + 6 * HOUR + 30 * MINUTE, 15 * MINUTE, "Break", random));
        return new ShiftPlan(login, login + length, pauses);
    }

    private static ShiftPlan.PlannedPause pause(long around, long nominal, String label, RandomGenerator random) {
        long notBefore = around + random.nextLong(-20 * MINUTE, 20 * MINUTE);
        long length = nominal + random.nextLong(-3 * MINUTE, 4 * MINUTE);
        return new ShiftPlan.PlannedPause(notBefore, length, label);
    }
}
