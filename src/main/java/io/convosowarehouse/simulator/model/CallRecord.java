package io.convosowarehouse.simulator.model;

/**
 * One call an agent handled, with the dialer activity that led to it.
 *
 * @param start        local second the agent went INCALL
 * @param end          local second the talk ended (DEAD or DISPO follows)
 * @param inbound      whether the call came in through {@code queue}
 * @param queue        the inbound queue, null for outbound calls
 * @param dialAttempts outbound: numbers dialled to reach this customer, this one included; inbound: 1
 * @param dropped      outbound: one of the attempts answered with no agent free; inbound: a caller
 *                     abandoned the queue just before this call
 * @param manual       an agent-dialled outbound call
 */
public record CallRecord(long start, long end, boolean inbound, CallQueue queue, String leadId, String callLogId,
                  int dialAttempts, boolean dropped, boolean manual) {

    /** Calls the dialer or the queue counted for this call: attempts, plus an abandoned inbound caller. */
    long callsCounted() {
        return inbound ? 1 + (dropped ? 1 : 0) : dialAttempts;
    }
}
