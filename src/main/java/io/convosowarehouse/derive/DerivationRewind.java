package io.convosowarehouse.derive;

import static io.convosowarehouse.derive.DerivationSql.seconds;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.jooq.QueryPart;

/**
 * Puts an account's derived facts back into the state they had right after the last account-wide snapshot
 * observed before a cut instant, so that replaying the snapshots from the cut on reproduces exactly what
 * the load path wrote. The cut is an instant, so snapshots sharing an observed_at are never split.
 *
 * <p>What the state after snapshot P (the last one before the cut) is, read off the rows:
 * <ul>
 * <li>rows first seen at or after the cut were made by later snapshots: deleted (a shift goes with its
 *     first interval, which was made in the same statement);</li>
 * <li>an agent's latest remaining interval that is closed but was last seen at P or later was closed by a
 *     later snapshot (a state change whose successor was just deleted, a logout or a gap found after P):
 *     closing writes the previous snapshot's time as last_seen_at, so a row closed at P itself shows an earlier
 *     one. It is reopened, and so is its shift; open rows keep last_seen_at NULL, as the load path leaves
 *     them;</li>
 * <li>totals of the shifts open after P are recomputed the way the load path accumulates them: seconds of
 *     closed intervals by status, gap seconds between consecutive intervals, and calls from the agent's
 *     calls_today in the account-wide snapshots of the shift up to P.</li>
 * </ul>
 * Known limit: an agent absent from one of two answers sharing P's observed_at cannot be told from one present
 * in both; it comes back logged in and the replay logs it out at the next snapshot instead.
 */
final class DerivationRewind {

    void rewind(DSLContext tx, short accountId, OffsetDateTime cut, OffsetDateTime lastBeforeCut) {
        QueryPart[] params = {val(accountId), val(cut), val(lastBeforeCut, OffsetDateTime.class)};
        tx.execute("""
                delete from warehouse.agent_state_interval
                where account_id = {0}
                  and first_seen_at >= cast({1} as timestamptz)
                """, params);
        tx.execute("""
                delete from warehouse.agent_shift as s
                where s.account_id = {0}
                  and (cast({2} as timestamptz) is null or s.last_seen_at is null or s.last_seen_at >= cast({2} as timestamptz))
                  and not exists (
                      select 1
                      from warehouse.agent_state_interval as i
                      where i.account_id = {0}
                        and i.user_id = s.user_id
                        and i.shift_login_at = s.login_at
                  )
                """, params);
        tx.execute("select warehouse.rewind_calls({0}, cast({1} as timestamptz))", params);
        if (lastBeforeCut == null) {
            return; // nothing was derived before the cut
        }
        tx.execute("""
                update warehouse.agent_state_interval as i
                set ended_at = null,
                    end_reason = null,
                    last_seen_at = null
                where i.account_id = {0}
                  and i.ended_at is not null
                  and i.last_seen_at >= cast({2} as timestamptz)
                  and i.started_at = (
                      select max(latest.started_at)
                      from warehouse.agent_state_interval as latest
                      where latest.account_id = {0}
                        and latest.user_id = i.user_id
                  )
                """, params);
        tx.execute("""
                update warehouse.agent_shift as s
                set logout_at = null,
                    end_reason = null,
                    last_seen_at = null
                where s.account_id = {0}
                  and s.logout_at is not null
                  and s.last_seen_at >= cast({2} as timestamptz)
                  and exists (
                      select 1
                      from warehouse.agent_state_interval as i
                      where i.account_id = {0}
                        and i.user_id = s.user_id
                        and i.shift_login_at = s.login_at
                        and i.ended_at is null
                  )
                """, params);
        tx.execute(RECOMPUTE_OPEN_SHIFT_TOTALS, params);
    }

    private static final String RECOMPUTE_OPEN_SHIFT_TOTALS = """
            with open_shift as (
                select s.user_id,
                       s.login_at,
                       (select min(i.first_seen_at)
                        from warehouse.agent_state_interval as i
                        where i.account_id = {0}
                          and i.user_id = s.user_id
                          and i.shift_login_at = s.login_at) as first_seen_at
                from warehouse.agent_shift as s
                where s.account_id = {0}
                  and s.logout_at is null
            ), shift_interval as (
                select i.user_id,
                       i.shift_login_at,
                       i.started_at,
                       i.ended_at,
                       reporting.status_group(l.value) as bucket,
                       lag(i.ended_at) over (partition by i.user_id, i.shift_login_at order by i.started_at) as previous_ended_at
                from warehouse.agent_state_interval as i
                inner join open_shift
                    on open_shift.user_id = i.user_id
                   and open_shift.login_at = i.shift_login_at
                left join warehouse.label as l on l.label_id = i.status_ref
                where i.account_id = {0}
            ), interval_total as (
                select user_id,
                       shift_login_at,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'ready'), 0) as ready_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'wait'), 0) as wait_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'incall'), 0) as incall_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'dispo'), 0) as dispo_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'paused'), 0) as paused_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'dead'), 0) as dead_sec,
                       coalesce(sum(%1$s) filter (where ended_at is not null and bucket = 'other'), 0) as other_sec,
                       coalesce(sum(%2$s) filter (where previous_ended_at is not null), 0) as gap_sec
                from shift_interval
                group by user_id, shift_login_at
            ), shift_snapshot as (
                -- the agent in every account-wide snapshot of the shift up to the cut, in derivation order
                select open_shift.user_id,
                       open_shift.login_at,
                       a.calls_today,
                       snapshot.observed_at,
                       snapshot.received_at,
                       snapshot.snapshot_id,
                       lag(snapshot.observed_at) over (partition by open_shift.user_id
                           order by snapshot.observed_at, snapshot.received_at, snapshot.snapshot_id) as previous_observed_at
                from open_shift
                inner join warehouse.agent_snapshot as a
                    on a.account_id = {0}
                   and a.user_id = open_shift.user_id
                   and a.observed_at >= open_shift.first_seen_at
                   and a.observed_at < cast({1} as timestamptz)
                inner join warehouse.snapshot as snapshot
                    on snapshot.account_id = {0}
                   and snapshot.snapshot_id = a.snapshot_id
                   and snapshot.scope_kind = 'account'
            ), calls_sample as (
                -- the readings of calls_today, each with the one before and whether a local day began since the
                -- previous snapshot (calls_today restarts with the account's local day; the load path's rule)
                select shift_snapshot.user_id,
                       shift_snapshot.login_at,
                       shift_snapshot.calls_today,
                       (shift_snapshot.observed_at at time zone account.time_zone - interval '1 microsecond')::date
                           <> (shift_snapshot.previous_observed_at at time zone account.time_zone - interval '1 microsecond')::date
                           as is_new_day,
                       lag(shift_snapshot.calls_today) over calls_order as previous_calls_today,
                       row_number() over (partition by shift_snapshot.user_id order by shift_snapshot.observed_at desc,
                           shift_snapshot.received_at desc, shift_snapshot.snapshot_id desc) as recency
                from shift_snapshot
                inner join warehouse.account as account on account.account_id = {0}
                where shift_snapshot.calls_today is not null
                window calls_order as (partition by shift_snapshot.user_id
                    order by shift_snapshot.observed_at, shift_snapshot.received_at, shift_snapshot.snapshot_id)
            ), calls as (
                select user_id,
                       login_at,
                       sum(case
                           when previous_calls_today is null then 0
                           when is_new_day then calls_today
                           when calls_today >= previous_calls_today then calls_today - previous_calls_today
                           else calls_today
                       end) as calls_handled,
                       max(calls_today) filter (where recency = 1) as last_calls_today
                from calls_sample
                group by user_id, login_at
            )
            update warehouse.agent_shift as s
            set ready_sec = coalesce(interval_total.ready_sec, 0),
                wait_sec = coalesce(interval_total.wait_sec, 0),
                incall_sec = coalesce(interval_total.incall_sec, 0),
                dispo_sec = coalesce(interval_total.dispo_sec, 0),
                paused_sec = coalesce(interval_total.paused_sec, 0),
                dead_sec = coalesce(interval_total.dead_sec, 0),
                other_sec = coalesce(interval_total.other_sec, 0),
                gap_sec = coalesce(interval_total.gap_sec, 0),
                calls_handled = coalesce(calls.calls_handled, 0),
                last_calls_today = calls.last_calls_today
            from open_shift
            left join interval_total
                on interval_total.user_id = open_shift.user_id
               and interval_total.shift_login_at = open_shift.login_at
            left join calls
                on calls.user_id = open_shift.user_id
               and calls.login_at = open_shift.login_at
            where s.account_id = {0}
              and s.user_id = open_shift.user_id
              and s.login_at = open_shift.login_at
            """.formatted(seconds("started_at", "ended_at"), seconds("previous_ended_at", "started_at"));
}
