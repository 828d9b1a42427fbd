package io.convosowarehouse.derive;

import static io.convosowarehouse.derive.DerivationSql.SAME_STATE;
import static io.convosowarehouse.derive.DerivationSql.SNAPSHOT_AGENTS;
import static io.convosowarehouse.derive.DerivationSql.seconds;

import org.jooq.DSLContext;

/**
 * Keeps warehouse.agent_shift, the login-to-logout islands, in step with the intervals: closes shifts at
 * logout and at gaps the agent did not provably stay logged in through, counts calls from calls_today,
 * and credits the seconds of every closed interval to its shift's per-status total.
 */
final class ShiftDeriver {

    /**
     * Appended to a statement whose CTE {@code closed} returns the intervals it just closed (user_id,
     * shift_login_at, status_ref, started_at, ended_at): adds their seconds to their shifts' totals, so a
     * shift's totals are always the sum of its closed intervals without ever re-reading them.
     */
    static final String CREDIT_CLOSED_INTERVALS = """
            , closed_seconds as (
                select closed.user_id,
                       closed.shift_login_at,
                       reporting.status_group(l.value) as bucket,
                       %1$s as seconds
                from closed
                left join warehouse.label as l on l.label_id = closed.status_ref
            ), credit as (
                select user_id,
                       shift_login_at,
                       coalesce(sum(seconds) filter (where bucket = 'ready'), 0) as ready_sec,
                       coalesce(sum(seconds) filter (where bucket = 'wait'), 0) as wait_sec,
                       coalesce(sum(seconds) filter (where bucket = 'incall'), 0) as incall_sec,
                       coalesce(sum(seconds) filter (where bucket = 'dispo'), 0) as dispo_sec,
                       coalesce(sum(seconds) filter (where bucket = 'paused'), 0) as paused_sec,
                       coalesce(sum(seconds) filter (where bucket = 'dead'), 0) as dead_sec,
                       coalesce(sum(seconds) filter (where bucket = 'other'), 0) as other_sec
                from closed_seconds
                group by user_id, shift_login_at
            )
            update warehouse.agent_shift as s
            set ready_sec = s.ready_sec + credit.ready_sec,
                wait_sec = s.wait_sec + credit.wait_sec,
                incall_sec = s.incall_sec + credit.incall_sec,
                dispo_sec = s.dispo_sec + credit.dispo_sec,
                paused_sec = s.paused_sec + credit.paused_sec,
                dead_sec = s.dead_sec + credit.dead_sec,
                other_sec = s.other_sec + credit.other_sec
            from credit
            where s.account_id = {0}
              and s.user_id = credit.user_id
              and s.login_at = credit.shift_login_at
            """.formatted(seconds("closed.started_at", "closed.ended_at"));

    /**
     * After a polling gap, a shift goes on only when the first snapshot after it still shows the agent in the
     * very state (status and last_state_change) of its open interval: the API then vouches that the agent was
     * logged in all along. Any other shift ends with end_reason 'gap' at the last time its agent was seen: an
     * agent that changed state during the gap may have logged out and in again, and a gap must never glue two
     * days' shifts into one. Runs before the gap closes the intervals, which it compares against.
     */
    void closeShiftsNotProvablyContinued(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                update warehouse.agent_shift as s
                set logout_at = cast({3} as timestamptz),
                    end_reason = 'gap',
                    last_seen_at = cast({3} as timestamptz)
                where s.account_id = {0}
                  and s.logout_at is null
                  and not exists (
                      select 1
                      from warehouse.agent_state_interval as i
                      inner join r on r.user_id = i.user_id
                      where i.account_id = {0}
                        and i.user_id = s.user_id
                        and i.ended_at is null
                        and """ + SAME_STATE + ")", step.params());
    }

    /** Agents missing from an account-wide answer have logged out: their shift ends when they were last seen. */
    void closeShiftsOfAbsentAgents(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                update warehouse.agent_shift as s
                set logout_at = cast({3} as timestamptz),
                    end_reason = 'logout',
                    last_seen_at = cast({3} as timestamptz)
                where s.account_id = {0}
                  and s.logout_at is null
                  and not exists (select 1 from r where r.user_id = s.user_id)
                """, step.params());
    }

    /**
     * Counts calls: calls_today restarts with the account's local day, so on a snapshot of a new local day (a
     * reading at midnight exactly still closes the old one) the value itself is the calls since the reset, whatever it was the day before; within a day each rise adds its
     * size and a drop is a reset too. A NULL calls_today changes nothing, and neither does an unchanged one within
     * a day, so only agents whose count moved are written. Calls made before the first snapshot of a shift cannot
     * be told apart from earlier shifts' calls and are not counted.
     */
    void countCallsOfPresentAgents(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                , local_day as (
                    -- the previous snapshot is the shift's last reading (an open shift's agent was in it); a reading
                    -- taken at midnight exactly counts the calls up to it, so it belongs to the day that ends
                    select (cast({2} as timestamptz) at time zone account.time_zone - interval '1 microsecond')::date
                           <> (cast({3} as timestamptz) at time zone account.time_zone - interval '1 microsecond')::date
                           as is_new_day
                    from warehouse.account as account
                    where account.account_id = {0}
                )
                update warehouse.agent_shift as s
                set calls_handled = s.calls_handled + case
                        when s.last_calls_today is null then 0
                        when local_day.is_new_day then r.calls_today
                        when r.calls_today >= s.last_calls_today then r.calls_today - s.last_calls_today
                        else r.calls_today
                    end,
                    last_calls_today = r.calls_today
                from r
                cross join local_day
                where s.account_id = {0}
                  and s.logout_at is null
                  and s.user_id = r.user_id
                  and (r.calls_today is distinct from s.last_calls_today or local_day.is_new_day)
                  and r.calls_today is not null
                """, step.params());
    }
}
