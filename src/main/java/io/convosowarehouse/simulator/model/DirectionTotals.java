package io.convosowarehouse.simulator.model;

/**
 * Today's time of the agents who took at least one call of a direction (inbound or outbound), the basis of
 * the inbound_total_* and outbound_total_* fields.
 *
 * @param waitSeconds READY plus WAIT seconds
 * @param calls       all calls those agents took today, the divisor of the per-call averages
 */
public record DirectionTotals(long agents, long calls, long pauseSeconds, long waitSeconds, long talkSeconds,
                       long dispoSeconds) {
}
