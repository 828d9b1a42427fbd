package io.convosowarehouse.simulator.model;

/**
 * A stretch of time an agent spent in one state, [start, end) in local seconds.
 *
 * @param label the friendly status label; paused spans say which pause ("Break", "Lunch")
 * @param call  the call being talked on, only for INCALL spans; null otherwise
 */
public record StateSpan(AgentStatus status, String label, long start, long end, CallRecord call) {

    public long length() {
        return end - start;
    }
}
