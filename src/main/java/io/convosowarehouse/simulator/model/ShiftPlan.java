package io.convosowarehouse.simulator.model;

import java.util.List;

/**
 * When an agent means to work on one day; the timeline follows it but finishes a call before pausing
 * or logging out, so real times run a little later.
 *
 * @param login          local second of login
 * @param plannedLogout  local second after which no new call starts
 * @param pauses         breaks and lunch in order, each taken at the first idle moment after its time
 */
public record ShiftPlan(long login, long plannedLogout, List<PlannedPause> pauses) {

    public ShiftPlan {
        pauses = List.copyOf(pauses);
    }

    record PlannedPause(long notBefore, long length, String label) {
    }
}
