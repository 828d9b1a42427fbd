package io.convosowarehouse.simulator.model;

/**
 * A logged-in agent as seen at one local second.
 *
 * <p>Invariant: {@code sinceLogin.totalSeconds() == statusTimeSeconds()}, i.e. the seconds per state
 * since login (READY, WAIT, INCALL, DISPO, DEAD, PAUSED; preview is never used) add up to the time since
 * login, and the current state's share includes the running {@link #statusLengthSeconds()}.
 *
 * @param span                    the current state
 * @param callsToday              calls started since local midnight, in any session
 * @param lastCall                the latest call started at or before now, possibly an earlier session's
 * @param lastFinishedCall        the latest call that ended at or before now
 * @param lastInboundCall         as {@code lastCall}, inbound only
 * @param lastFinishedInboundCall as {@code lastFinishedCall}, inbound only
 */
public record AgentSnapshot(AgentProfile agent, long now, long login, StateSpan span, StateTotals sinceLogin,
                     long callsToday, CallRecord lastCall, CallRecord lastFinishedCall,
                     CallRecord lastInboundCall, CallRecord lastFinishedInboundCall) {

    public AgentStatus status() {
        return span.status();
    }

    public long statusTimeSeconds() {
        return now - login;
    }

    public long statusLengthSeconds() {
        return now - span.start();
    }
}
