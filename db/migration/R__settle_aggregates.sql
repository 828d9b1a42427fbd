-- warehouse.settle_aggregates(account, max_span): stores the quarter hours and local days of an account that can
-- no longer change, and moves its settled_until forward (V13 says what the watermark means).
--
-- Final means: before the start of every open interval (an open interval still grows), and not after the latest
-- account-wide snapshot (nothing is known past it). An interval written later that begins before the watermark
-- moves it back, and the next call settles that stretch again.
--
-- One call settles at most max_span, so the job's call after a poll stays short even when a rebuild or a new
-- time zone left a long stretch to catch up; callers that want everything at once call it until it stops
-- moving. The caller holds the account's lock (the advisory lock of the account's writers), so no derivation
-- interleaves; a time-zone change (warehouse.rezone_account), which does not take that lock, is kept apart by a
-- share lock on the account row. JIT is off: compiling the computation of a quarter hour would cost more than running it.
create or replace function warehouse.settle_aggregates(p_account_id smallint, p_max_span interval default interval '1 day')
returns timestamptz
language plpgsql
set jit = off
as $$
declare
    origin constant timestamptz := timestamptz '2000-01-01 00:00:00+00';
    account_time_zone text;
    previous_until timestamptz;
    final_until timestamptz;
    settle_from timestamptz;
    settle_to timestamptz;
    first_day date;
    end_day date;
begin
    if p_max_span < interval '15 minutes' then
        raise exception 'settle_aggregates: max_span must be at least 15 minutes, not %', p_max_span;
    end if;
    -- first, and shared-locked: a time-zone change under way is waited for (it has then unsettled
    -- the account), and one coming waits for this settle, so the days are cut in the zone the watermark is for
    select account.time_zone
    into account_time_zone
    from warehouse.account as account
    where account.account_id = p_account_id
    for share;
    select settled.settled_until
    into previous_until
    from warehouse.settled_until as settled
    where settled.account_id = p_account_id;
    if not found then
        insert into warehouse.settled_until (account_id) values (p_account_id);
        previous_until := '-infinity';
    end if;

    select date_bin(interval '15 minutes', least(
               (select min(open_interval.started_at)
                from warehouse.agent_state_interval as open_interval
                where open_interval.account_id = p_account_id
                  and open_interval.ended_at is null),
               (select latest_snapshot.observed_at
                from reporting.latest_snapshot as latest_snapshot
                where latest_snapshot.account_id = p_account_id)),
           origin)
    into final_until;

    -- from the quarter hour holding the watermark; from the account's first interval when nothing is settled
    settle_from := date_bin(interval '15 minutes', case
        when previous_until > '-infinity' then previous_until
        else (select min(first_interval.started_at)
              from warehouse.agent_state_interval as first_interval
              where first_interval.account_id = p_account_id)
    end, origin);
    if final_until is null or settle_from is null or final_until <= settle_from then
        return nullif(previous_until, '-infinity');
    end if;
    settle_to := least(final_until, date_bin(interval '15 minutes', settle_from + p_max_span, origin));
    -- the local days from the one holding the old watermark to the last one ending by the new one
    first_day := (settle_from at time zone account_time_zone)::date;
    end_day := (settle_to at time zone account_time_zone)::date;

    -- stored rows from there on are stale; with nothing settled, all of them are (days cut in a former time
    -- zone, quarter hours of intervals since deleted), even those before the account's first interval
    delete from warehouse.settled_agent_status_quarter_hour as stale
    where stale.account_id = p_account_id
      and (previous_until = '-infinity' or stale.bucket_start >= settle_from);
    delete from warehouse.settled_agent_state_day as stale
    where stale.account_id = p_account_id
      and (previous_until = '-infinity' or stale.local_date >= first_day);

    insert into warehouse.settled_agent_status_quarter_hour (account_id, bucket_start, status_group, agent_sec,
        peak_agents, agents_seen)
    select computed.account_id, computed.bucket_start, computed.status_group, computed.agent_sec,
           computed.peak_agents, computed.agents_seen
    from reporting.agent_status_quarter_hours_from_intervals(p_account_id, settle_from, settle_to) as computed;
    -- most calls settle a quarter hour inside a day: no day ends by the new watermark that did not by the old
    if first_day < end_day then
        insert into warehouse.settled_agent_state_day (account_id, local_date, user_id, logged_in_sec, ready_sec,
            wait_sec, incall_sec, dispo_sec, paused_sec, dead_sec, other_sec)
        select computed.account_id, computed.local_date, computed.user_id, computed.logged_in_sec, computed.ready_sec,
               computed.wait_sec, computed.incall_sec, computed.dispo_sec, computed.paused_sec, computed.dead_sec,
               computed.other_sec
        from reporting.agent_state_days_from_intervals(p_account_id, first_day, end_day) as computed;
    end if;

    update warehouse.settled_until as settled
    set settled_until = settle_to
    where settled.account_id = p_account_id;
    return settle_to;
end
$$;
comment on function warehouse.settle_aggregates(smallint, interval) is 'Stores the account''s quarter hours and local days that can no longer change, at most p_max_span of them, and returns the new settled_until (NULL while nothing is settled).';

-- Replaced by the view reporting.latest_snapshot, which its readers join on account_id; this file runs after
-- every reporting view that called it.
drop function if exists reporting.latest_snapshot_at(smallint);
