package io.convosowarehouse.derive;

/**
 * SQL shared by the derivation steps. Every statement is a jOOQ plain-SQL template whose
 * placeholders are the bind values of {@link SnapshotStep#params()}.
 */
final class DerivationSql {

    /** The snapshot's agents, as a CTE named {@code r}. state_start is last_state_change, else observed_at. */
    static final String SNAPSHOT_AGENTS = """
            r as (
                select a.user_id,
                       a.status_ref,
                       a.status_label_ref,
                       a.campaign_id,
                       a.queue_id,
                       a.calls_today,
                       a.last_state_change,
                       coalesce(a.last_state_change, cast({2} as timestamptz)) as state_start
                from warehouse.agent_snapshot as a
                where a.snapshot_id = {1}
                  and a.observed_at = cast({2} as timestamptz)
                  and a.account_id = {0}
            )
            """;

    /**
     * Whether agent row {@code r} still shows open interval {@code i}: same status, and a state that did not
     * begin after the interval did (a NULL last_state_change cannot tell, so the status decides).
     */
    static final String SAME_STATE = """
            (r.status_ref is not distinct from i.status_ref
             and (r.last_state_change is null or r.last_state_change <= i.started_at))
            """;

    /**
     * Where a new interval of the agent row {@code agent} starts, given the previous interval's start (b_start) and end
     * (b_end), both NULL for an agent never seen: the API's last_state_change when it does not reach back into
     * the previous interval (a state shorter than the poll interval is invisible: the previous one simply ends
     * where this one starts); else the observation time (a state that did not visibly begin after a gap or a
     * logout is claimed only from when it was seen again, so nothing overlaps and nothing is stretched); and
     * one second after the previous start if even that would collide (only when data.time repeats).
     */
    static String newStart(String agent, String bStart, String bEnd) {
        return """
                case
                    when %1$s is null then %3$s.state_start
                    when %3$s.state_start >= %2$s and %3$s.state_start > %1$s then %3$s.state_start
                    when cast({2} as timestamptz) >= %2$s and cast({2} as timestamptz) > %1$s then cast({2} as timestamptz)
                    else greatest(%2$s, %1$s + interval '1 second')
                end
                """.formatted(bStart, bEnd, agent);
    }

    /**
     * Whole seconds from {@code started} to {@code ended}, in real (UTC) time. Flooring both ends rather than the
     * difference makes the seconds of back-to-back intervals add up exactly to the seconds of their union.
     */
    static String seconds(String started, String ended) {
        return "(cast(floor(extract(epoch from " + ended + ")) as bigint) - cast(floor(extract(epoch from " + started
                + ")) as bigint))";
    }

    private DerivationSql() {
    }
}
