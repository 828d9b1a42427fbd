package io.convosowarehouse.derive;

import static io.convosowarehouse.derive.DerivationSql.SAME_STATE;
import static io.convosowarehouse.derive.DerivationSql.SNAPSHOT_AGENTS;
import static io.convosowarehouse.derive.DerivationSql.newStart;
import static io.convosowarehouse.derive.DerivationSql.seconds;
import static io.convosowarehouse.derive.ShiftDeriver.CREDIT_CLOSED_INTERVALS;

import org.jooq.DSLContext;

/**
 * Keeps warehouse.agent_state_interval in step with one account-wide snapshot, set-based: one statement
 * per kind of change for all agents at once, whatever their number. Each closing statement also credits
 * the closed intervals' seconds to their shifts.
 *
 * <p>Only changes are written. An open interval's agent is by construction in the latest applied snapshot, so
 * its last_seen_at stays NULL while it is open (the reporting views read the account's latest snapshot time)
 * and is written once, when it closes: an agent who stays in one state costs no write per poll.
 */
final class StateIntervalDeriver {

    private static final String RETURNING_CLOSED = """
            returning i.user_id, i.shift_login_at, i.status_ref, i.started_at, i.ended_at
            )
            """;

    /** A polling gap: every open interval ends when it was last seen, flagged 'gap'. */
    void closeAllAtGap(DSLContext tx, SnapshotStep step) {
        tx.execute("""
                with closed as (
                    update warehouse.agent_state_interval as i
                    set ended_at = cast({3} as timestamptz),
                        end_reason = 'gap',
                        last_seen_at = cast({3} as timestamptz)
                    where i.account_id = {0}
                      and i.ended_at is null
                """ + RETURNING_CLOSED + CREDIT_CLOSED_INTERVALS, step.params());
    }

    /** Agents missing from an account-wide answer have logged out: their interval ends when they were last seen. */
    void closeAbsentAgents(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                , closed as (
                    update warehouse.agent_state_interval as i
                    set ended_at = cast({3} as timestamptz),
                        end_reason = 'logout',
                        last_seen_at = cast({3} as timestamptz)
                    where i.account_id = {0}
                      and i.ended_at is null
                      and not exists (select 1 from r where r.user_id = i.user_id)
                """ + RETURNING_CLOSED + CREDIT_CLOSED_INTERVALS, step.params());
    }

    /**
     * Closes the open interval of every present agent whose state changed, exactly where the new state starts
     * (see {@link DerivationSql#newStart}); an agent still in the same state is left alone.
     */
    void closeChangedStates(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                , closed as (
                    update warehouse.agent_state_interval as i
                    set end_reason = 'state_change',
                        last_seen_at = cast({3} as timestamptz),
                        ended_at = """ + newStart("r", "i.started_at", "i.started_at") + """
                    from r
                    where i.account_id = {0}
                      and i.ended_at is null
                      and r.user_id = i.user_id
                      and not """ + SAME_STATE + RETURNING_CLOSED + CREDIT_CLOSED_INTERVALS, step.params());
    }

    /**
     * Opens an interval for every present agent without an open one. It belongs to the agent's open shift if
     * there is one (a state change, or a shift that went on through a gap: the seconds between the interval the
     * gap closed and this one are the shift's gap_sec); otherwise it starts a new shift, which begins where the
     * interval does and counts calls from the current calls_today on.
     */
    void openNewStates(DSLContext tx, SnapshotStep step) {
        tx.execute("with " + SNAPSHOT_AGENTS + """
                , without_open_interval as (
                    -- usually a handful of agents out of thousands, so find them before looking up their past
                    select r.*
                    from r
                    where not exists (
                        select 1
                        from warehouse.agent_state_interval as o
                        where o.account_id = {0}
                          and o.user_id = r.user_id
                          and o.ended_at is null
                    )
                ), needing as (
                    select r.*,
                           open_shift.login_at as open_login_at,
                           previous.started_at as previous_started_at,
                           previous.ended_at as previous_ended_at
                    from without_open_interval as r
                    left join warehouse.agent_shift as open_shift
                        on open_shift.account_id = {0}
                       and open_shift.user_id = r.user_id
                       and open_shift.logout_at is null
                    left join lateral (
                        select p.started_at, p.ended_at
                        from warehouse.agent_state_interval as p
                        where p.account_id = {0}
                          and p.user_id = r.user_id
                        order by p.started_at desc
                        limit 1
                    ) as previous on true
                ), started as (
                    select needing.*,
                           """ + newStart("needing", "needing.previous_started_at", "needing.previous_ended_at") + """
                           as started_at
                    from needing
                ), new_shift as (
                    insert into warehouse.agent_shift (account_id, user_id, login_at, last_calls_today, campaign_id)
                    select {0}, started.user_id, started.started_at, started.calls_today, started.campaign_id
                    from started
                    where started.open_login_at is null
                ), gap as (
                    -- only a shift that went on through a gap has one to add: a state change follows on at once,
                    -- and rewriting its shift to add nothing would cost a row version per change
                    update warehouse.agent_shift as s
                    set gap_sec = s.gap_sec + """ + seconds("started.previous_ended_at", "started.started_at") + """
                    from started
                    where s.account_id = {0}
                      and s.user_id = started.user_id
                      and s.login_at = started.open_login_at
                      and started.started_at > started.previous_ended_at
                )
                insert into warehouse.agent_state_interval (account_id, user_id, started_at, status_ref, status_label_ref,
                    campaign_id, queue_id, shift_login_at, first_seen_at)
                select {0}, started.user_id, started.started_at, started.status_ref, started.status_label_ref,
                       started.campaign_id, started.queue_id, coalesce(started.open_login_at, started.started_at),
                       cast({2} as timestamptz)
                from started
                """, step.params());
    }
}
