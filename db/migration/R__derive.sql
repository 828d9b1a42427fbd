-- The derivation: agent_state_interval and agent_shift from the account-wide snapshots.
--
--   warehouse.apply_snapshot(account, snapshot, gap_threshold)  one snapshot, in its load transaction
--   warehouse.rewind_derived(account, from)                     back to the state the replay from `from` on starts at
--
-- The load path applies each account-wide snapshot once, in derivation order (observed_at, received_at,
-- snapshot_id); rebuild-derived rewinds and applies the stored snapshots again through the same function, so the
-- two cannot disagree. apply_snapshot is a list of steps, one statement each, in the order they must run; each
-- step is a function of its own that can be run by hand:
--   begin; select warehouse.apply_snapshot(1::smallint, 4711, interval '5 minutes'); rollback;
--
-- Only changes are written: an open interval or shift keeps last_seen_at NULL while its agent stays in the
-- snapshots (the reporting views read the account's latest snapshot time), so an agent who stays in one state
-- costs no write per poll. The seconds of each closed interval are credited to its shift when it closes.
--
-- Settled aggregates (V13): settle_aggregates never settles past the start of an open interval, so closing
-- an open interval never touches the settled stretch; what can is opening an interval that begins before the
-- watermark (an agent first seen in a state that began long ago) and the rewind's deletes and reopens. Those
-- steps move the watermark back themselves (warehouse.unsettle), in the same transaction.
--
-- Every function here sets jit = off (compiling these statements would cost more than running them) and
-- plan_cache_mode = force_custom_plan: a generic plan cannot prune agent_snapshot's monthly partitions at plan
-- time nor see whether a step finds a handful of agents or thousands, so each call is planned for its values.
-- Citus (docs/scale.md): every statement is filtered by account_id and joins per-account tables on it, CASE is
-- searched, and seconds are computed in CTEs, never in an UPDATE's SET.

-- Moves the account's settled watermark back to the quarter hour holding p_changed_from, the earliest start of
-- the intervals a statement wrote or deleted; NULL (nothing written) or an instant after the watermark changes
-- nothing. Whoever edits agent_state_interval by hand calls it in the same transaction.
create or replace function warehouse.unsettle(p_account_id smallint, p_changed_from timestamptz)
returns void
language plpgsql
set jit = off
as $$
begin
    update warehouse.settled_until as settled
    set settled_until = date_bin(interval '15 minutes', p_changed_from, timestamptz '2000-01-01 00:00:00+00')
    where settled.account_id = p_account_id
      and settled.settled_until > p_changed_from;
end
$$;
comment on function warehouse.unsettle(smallint, timestamptz) is 'Moves the account''s settled_until back to the quarter hour holding p_changed_from, if it is later; call it after writing or deleting intervals that start at p_changed_from.';

-- Whole seconds from p_started_at to p_ended_at, in real (UTC) time. Flooring both ends rather than the
-- difference makes the seconds of back-to-back intervals add up exactly to the seconds of their union.
create or replace function warehouse.whole_seconds(p_started_at timestamptz, p_ended_at timestamptz)
returns bigint
language sql
stable
parallel safe
as $$
    select cast(floor(extract(epoch from p_ended_at)) as bigint) - cast(floor(extract(epoch from p_started_at)) as bigint)
$$;
comment on function warehouse.whole_seconds(timestamptz, timestamptz) is 'Seconds between two instants, both floored to the second, so that back-to-back intervals add up.';

-- calls_today restarts with the account's local day. Whether a reading of it at p_observed_at is on a later
-- counter day than the reading at p_previous_observed_at: a reading taken at midnight exactly counts the calls
-- up to it, so it belongs to the day that ends. NULL without a previous reading.
create or replace function warehouse.is_new_calls_day(p_previous_observed_at timestamptz, p_observed_at timestamptz,
    p_time_zone text)
returns boolean
language sql
immutable
parallel safe
as $$
    select (p_observed_at at time zone p_time_zone - interval '1 microsecond')::date
        <> (p_previous_observed_at at time zone p_time_zone - interval '1 microsecond')::date
$$;
comment on function warehouse.is_new_calls_day(timestamptz, timestamptz, text) is 'True when a calls_today reading is on a later local day than the previous one; a reading at midnight exactly belongs to the day that ends.';

-- The calls a shift gained between two readings of calls_today. The shift's first reading is its baseline: calls
-- made before it cannot be told apart from earlier shifts' calls, except the one the reading shows that started
-- at or after the shift's login or after the previous account-wide answer (p_shows_call_of_shift: the agent may
-- be first seen in the wrap-up of a call whose start no poll saw, the shift then beginning after the call),
-- whose start raised the counter inside the shift, so the baseline is calls_today - 1 and that call counts (the
-- call is also seen in agent_call, and calls seen never exceed calls counted). After that: the value itself after
-- a reset (a new counter day or a drop) and the rise otherwise: reporting.counter_delta, the rule the reporting
-- views count the API's counters by. Immutable and one select, as that rule is, so both are inlined into the
-- statements that call them.
drop function if exists warehouse.calls_added(integer, integer, boolean);
create or replace function warehouse.calls_added(p_calls_today integer, p_previous_calls_today integer,
    p_is_new_day boolean, p_shows_call_of_shift boolean)
returns integer
language sql
immutable
parallel safe
as $$
    select case
        when p_previous_calls_today is null and p_shows_call_of_shift and p_calls_today > 0 then 1
        when p_previous_calls_today is null then 0
        else reporting.counter_delta(p_calls_today, p_previous_calls_today, p_is_new_day)
    end
$$;
comment on function warehouse.calls_added(integer, integer, boolean, boolean) is 'Calls a shift gained from one calls_today reading to the next; for its first reading, 1 if it shows a call started in the shift, else 0.';

-- Step, after a polling gap only: a shift goes on only when this snapshot still shows the agent in the very state
-- (status and last_state_change) of its open interval: the API then vouches that the agent was logged in all
-- along. Any other shift ends with end_reason 'gap' at the last time its agent was seen: an agent that changed
-- state during the gap may have logged out and in again, and a gap must never glue two days' shifts into one.
-- Runs before the gap closes the intervals, which it compares against.
create or replace function warehouse.derive_close_shifts_at_gap(p_account_id smallint, p_snapshot_id bigint,
    p_observed_at timestamptz, p_previous_observed_at timestamptz)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
begin
    with snapshot_agent as (
        select a.account_id,
               a.user_id,
               a.status_ref,
               a.last_state_change
        from warehouse.agent_snapshot as a
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
    ), continued as (
        -- agents whose open interval the snapshot still shows: same status, and a state that did not begin after
        -- the interval did (a NULL last_state_change cannot tell, so the status decides)
        select i.account_id,
               i.user_id
        from warehouse.agent_state_interval as i
        inner join snapshot_agent
            on snapshot_agent.account_id = i.account_id
           and snapshot_agent.user_id = i.user_id
        where i.account_id = p_account_id
          and i.ended_at is null
          and snapshot_agent.status_ref is not distinct from i.status_ref
          and (snapshot_agent.last_state_change is null or snapshot_agent.last_state_change <= i.started_at)
    )
    update warehouse.agent_shift as s
    set logout_at = p_previous_observed_at,
        end_reason = 'gap',
        last_seen_at = p_previous_observed_at
    where s.account_id = p_account_id
      and s.logout_at is null
      and not exists (
          select 1
          from continued
          where continued.account_id = s.account_id
            and continued.user_id = s.user_id
      );
end
$$;
comment on function warehouse.derive_close_shifts_at_gap(smallint, bigint, timestamptz, timestamptz) is 'Derivation step after a polling gap: ends every open shift whose agent the snapshot does not show in the same state.';

-- Step: agents missing from an account-wide answer have logged out; their shift ends when they were last seen.
create or replace function warehouse.derive_close_shifts_of_absent_agents(p_account_id smallint, p_snapshot_id bigint,
    p_observed_at timestamptz, p_previous_observed_at timestamptz)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
begin
    with snapshot_agent as (
        select a.account_id,
               a.user_id
        from warehouse.agent_snapshot as a
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
    )
    update warehouse.agent_shift as s
    set logout_at = p_previous_observed_at,
        end_reason = 'logout',
        last_seen_at = p_previous_observed_at
    where s.account_id = p_account_id
      and s.logout_at is null
      and not exists (
          select 1
          from snapshot_agent
          where snapshot_agent.account_id = s.account_id
            and snapshot_agent.user_id = s.user_id
      );
end
$$;
comment on function warehouse.derive_close_shifts_of_absent_agents(smallint, bigint, timestamptz, timestamptz) is 'Derivation step: ends the open shift of every agent the account-wide snapshot does not list.';

-- Step: ends the open intervals the snapshot ends, and credits their seconds to their shifts' per-family totals,
-- so a shift's totals are always the sum of its closed intervals without ever reading them again.
--   after a polling gap (p_is_after_gap): every open interval, 'gap', when it was last seen;
--   an agent missing from the answer: 'logout', when it was last seen;
--   an agent in another state: 'state_change', exactly where the new state starts (derive_open_intervals says
--   where, with this interval as the agent's previous one); an agent still in the same state is left alone.
create or replace function warehouse.derive_close_intervals(p_account_id smallint, p_snapshot_id bigint,
    p_observed_at timestamptz, p_previous_observed_at timestamptz, p_is_after_gap boolean)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
begin
    with snapshot_agent as (
        select a.account_id,
               a.user_id,
               a.status_ref,
               a.last_state_change,
               coalesce(a.last_state_change, p_observed_at) as state_start
        from warehouse.agent_snapshot as a
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
    ), closed_unseen as (
        update warehouse.agent_state_interval as i
        set ended_at = p_previous_observed_at,
            end_reason = case when p_is_after_gap then 'gap' else 'logout' end,
            last_seen_at = p_previous_observed_at
        where i.account_id = p_account_id
          and i.ended_at is null
          and (p_is_after_gap
               or not exists (
                   select 1
                   from snapshot_agent
                   where snapshot_agent.account_id = i.account_id
                     and snapshot_agent.user_id = i.user_id
               ))
        returning i.account_id, i.user_id, i.shift_login_at, i.status_ref, i.started_at, i.ended_at
    ), changed as (
        -- not the same state: another status, or a state that began after the interval did (a NULL
        -- last_state_change cannot tell, so the status decides); the end is computed here, not in the
        -- UPDATE's SET, where Citus allows no stable expression
        select i.account_id,
               i.user_id,
               i.started_at,
               case
                   when snapshot_agent.state_start > i.started_at then snapshot_agent.state_start
                   when p_observed_at > i.started_at then p_observed_at
                   else i.started_at + interval '1 second'
               end as ended_at
        from warehouse.agent_state_interval as i
        inner join snapshot_agent
            on snapshot_agent.account_id = i.account_id
           and snapshot_agent.user_id = i.user_id
        where i.account_id = p_account_id
          and i.ended_at is null
          and not p_is_after_gap
          and (snapshot_agent.status_ref is distinct from i.status_ref
               or snapshot_agent.last_state_change > i.started_at)
    ), closed_changed as (
        update warehouse.agent_state_interval as i
        set ended_at = changed.ended_at,
            end_reason = 'state_change',
            last_seen_at = p_previous_observed_at
        from changed
        where i.account_id = changed.account_id
          and i.user_id = changed.user_id
          and i.started_at = changed.started_at
        returning i.account_id, i.user_id, i.shift_login_at, i.status_ref, i.started_at, i.ended_at
    ), closed as (
        select account_id, user_id, shift_login_at, status_ref, started_at, ended_at
        from closed_unseen
        union all
        select account_id, user_id, shift_login_at, status_ref, started_at, ended_at
        from closed_changed
    ), closed_seconds as (
        select closed.account_id,
               closed.user_id,
               closed.shift_login_at,
               reporting.status_group(l.value) as status_group,
               warehouse.whole_seconds(closed.started_at, closed.ended_at) as seconds
        from closed
        left join warehouse.label as l
            on l.label_id = closed.status_ref
    ), credit as (
        select account_id,
               user_id,
               shift_login_at,
               coalesce(sum(seconds) filter (where status_group = 'ready'), 0) as ready_sec,
               coalesce(sum(seconds) filter (where status_group = 'wait'), 0) as wait_sec,
               coalesce(sum(seconds) filter (where status_group = 'incall'), 0) as incall_sec,
               coalesce(sum(seconds) filter (where status_group = 'dispo'), 0) as dispo_sec,
               coalesce(sum(seconds) filter (where status_group = 'paused'), 0) as paused_sec,
               coalesce(sum(seconds) filter (where status_group = 'dead'), 0) as dead_sec,
               coalesce(sum(seconds) filter (where status_group = 'other'), 0) as other_sec
        from closed_seconds
        group by account_id, user_id, shift_login_at
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
    where s.account_id = credit.account_id
      and s.user_id = credit.user_id
      and s.login_at = credit.shift_login_at;
end
$$;
comment on function warehouse.derive_close_intervals(smallint, bigint, timestamptz, timestamptz, boolean) is 'Derivation step: ends the open intervals the snapshot ends (gap, logout, state change) and credits their seconds to their shifts.';

-- Step: counts the calls of the agents in the snapshot into their open shifts (warehouse.calls_added). A NULL
-- calls_today changes nothing, and neither does an unchanged one within a counter day, so only the shifts whose
-- count moved are written. The previous snapshot is the shift's last reading: an open shift's agent was in it.
create or replace function warehouse.derive_count_calls(p_account_id smallint, p_snapshot_id bigint,
    p_observed_at timestamptz, p_previous_observed_at timestamptz)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
begin
    with snapshot_agent as (
        select a.account_id,
               a.user_id,
               a.calls_today,
               a.last_call_time
        from warehouse.agent_snapshot as a
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
          and a.calls_today is not null
    ), counter_day as (
        select warehouse.is_new_calls_day(p_previous_observed_at, p_observed_at, account.time_zone) as is_new_day
        from warehouse.account as account
        where account.account_id = p_account_id
    )
    update warehouse.agent_shift as s
    set calls_handled = s.calls_handled
            + warehouse.calls_added(snapshot_agent.calls_today, s.last_calls_today, counter_day.is_new_day,
                coalesce(snapshot_agent.last_call_time >= least(s.login_at, p_previous_observed_at), false)),
        last_calls_today = snapshot_agent.calls_today
    from snapshot_agent
    cross join counter_day
    where s.account_id = snapshot_agent.account_id
      and s.logout_at is null
      and s.user_id = snapshot_agent.user_id
      and (snapshot_agent.calls_today is distinct from s.last_calls_today or counter_day.is_new_day);
end
$$;
comment on function warehouse.derive_count_calls(smallint, bigint, timestamptz, timestamptz) is 'Derivation step: adds the calls each agent''s calls_today shows since the previous snapshot to its open shift.';

-- Step: opens an interval for every agent in the snapshot without an open one, and returns the earliest start it
-- wrote (NULL if none). The interval belongs to the agent's open shift if there is one (a state change, or a
-- shift that went on through a gap: the seconds between the interval the gap closed and this one are the shift's
-- gap_sec); otherwise it starts a new shift, which begins where the interval does and takes the current
-- calls_today as its baseline (warehouse.calls_added).
--
-- Where the new interval starts: the API's last_state_change when it does not reach back into the agent's
-- previous interval (a state shorter than the poll interval is invisible: the previous one simply ends where
-- this one starts); else the observation time (a state that did not visibly begin after a gap or a logout is
-- claimed only from when it was seen again, so nothing overlaps and nothing is stretched); and one second after
-- the previous start if even that would collide (only when data.time repeats). derive_close_intervals ends a
-- changed state's interval by the same rule.
drop function if exists warehouse.derive_open_intervals(smallint, bigint, timestamptz);
create or replace function warehouse.derive_open_intervals(p_account_id smallint, p_snapshot_id bigint,
    p_observed_at timestamptz, p_previous_observed_at timestamptz)
returns timestamptz
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
declare
    earliest_started_at timestamptz;
begin
    with snapshot_agent as (
        select a.account_id,
               a.user_id,
               a.status_ref,
               a.status_label_ref,
               a.campaign_id,
               a.queue_id,
               a.calls_today,
               a.last_call_time,
               coalesce(a.last_state_change, p_observed_at) as state_start
        from warehouse.agent_snapshot as a
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
    ), without_open_interval as (
        -- usually a handful of agents out of thousands, so find them before looking up their past (an anti-join
        -- and DISTINCT ON rather than correlated subqueries, which Citus cannot plan next to a CTE)
        select snapshot_agent.*
        from snapshot_agent
        left join warehouse.agent_state_interval as o
            on o.account_id = snapshot_agent.account_id
           and o.user_id = snapshot_agent.user_id
           and o.ended_at is null
        where o.user_id is null
    ), latest_shift as (
        -- each such agent's latest shift: its latest interval is in it, so only that shift's intervals are read
        -- below, not the agent's whole history (at the first poll of a day every agent comes back)
        select distinct on (s.user_id)
               s.account_id,
               s.user_id,
               s.login_at
        from warehouse.agent_shift as s
        inner join without_open_interval as agent
            on agent.account_id = s.account_id
           and agent.user_id = s.user_id
        where s.account_id = p_account_id
        order by s.user_id, s.login_at desc
    ), previous as (
        -- each such agent's latest interval
        select distinct on (p.user_id)
               p.user_id,
               p.started_at,
               p.ended_at
        from warehouse.agent_state_interval as p
        inner join latest_shift
            on latest_shift.account_id = p.account_id
           and latest_shift.user_id = p.user_id
           and p.started_at >= latest_shift.login_at
        where p.account_id = p_account_id
        order by p.user_id, p.started_at desc
    ), with_past as (
        select agent.*,
               open_shift.login_at as open_login_at,
               previous.started_at as previous_started_at,
               previous.ended_at as previous_ended_at
        from without_open_interval as agent
        left join warehouse.agent_shift as open_shift
            on open_shift.account_id = agent.account_id
           and open_shift.user_id = agent.user_id
           and open_shift.logout_at is null
        left join previous
            on previous.user_id = agent.user_id
    ), starting as (
        select with_past.*,
               case
                   when with_past.previous_started_at is null then with_past.state_start
                   when with_past.state_start >= with_past.previous_ended_at
                        and with_past.state_start > with_past.previous_started_at then with_past.state_start
                   when p_observed_at >= with_past.previous_ended_at
                        and p_observed_at > with_past.previous_started_at then p_observed_at
                   else greatest(with_past.previous_ended_at, with_past.previous_started_at + interval '1 second')
               end as started_at
        from with_past
    ), new_shift as (
        insert into warehouse.agent_shift (account_id, user_id, login_at, calls_handled, last_calls_today, campaign_id)
        select starting.account_id, starting.user_id, starting.started_at,
               warehouse.calls_added(starting.calls_today, null, false,
                   coalesce(starting.last_call_time >= least(starting.started_at, p_previous_observed_at), false)),
               starting.calls_today, starting.campaign_id
        from starting
        where starting.open_login_at is null
    ), shift_gap as (
        -- only a shift that went on through a gap has one to add: a state change follows on at once, and
        -- rewriting its shift to add nothing would cost a row version per change
        select starting.account_id,
               starting.user_id,
               starting.open_login_at,
               warehouse.whole_seconds(starting.previous_ended_at, starting.started_at) as gap_sec
        from starting
        where starting.open_login_at is not null
          and starting.started_at > starting.previous_ended_at
    ), gap_added as (
        update warehouse.agent_shift as s
        set gap_sec = s.gap_sec + shift_gap.gap_sec
        from shift_gap
        where s.account_id = shift_gap.account_id
          and s.user_id = shift_gap.user_id
          and s.login_at = shift_gap.open_login_at
    ), opened as (
        insert into warehouse.agent_state_interval (account_id, user_id, started_at, status_ref, status_label_ref,
            campaign_id, queue_id, shift_login_at, first_seen_at)
        select starting.account_id, starting.user_id, starting.started_at, starting.status_ref, starting.status_label_ref,
               starting.campaign_id, starting.queue_id, coalesce(starting.open_login_at, starting.started_at),
               p_observed_at
        from starting
        returning started_at
    )
    select min(opened.started_at)
    into earliest_started_at
    from opened;
    return earliest_started_at;
end
$$;
comment on function warehouse.derive_open_intervals(smallint, bigint, timestamptz, timestamptz) is 'Derivation step: opens an interval (and, after a logout, a shift) for every agent in the snapshot without an open one; returns the earliest start written.';

-- Applies one account-wide snapshot whose agents are in agent_snapshot to the derived facts, in the caller's
-- transaction. The caller guarantees that every account-wide snapshot ordered before it has been applied and none
-- after (the load path checks it; the rebuild replays in order). Only account-wide snapshots are applied: only
-- they say who is logged in, so only their absence means logout. A snapshot more than p_gap_threshold after the
-- previous one follows a polling gap. One more derivation step is one more line here.
create or replace function warehouse.apply_snapshot(p_account_id smallint, p_snapshot_id bigint,
    p_gap_threshold interval)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
declare
    snapshot_observed_at timestamptz;
    snapshot_received_at timestamptz;
    -- when every still-open interval and shift was last seen, so when they end if this snapshot ends them; NULL
    -- before the account's first snapshot, when nothing is open
    previous_observed_at timestamptz;
    is_after_gap boolean;
    earliest_opened_at timestamptz;
begin
    select snapshot.observed_at, snapshot.received_at
    into strict snapshot_observed_at, snapshot_received_at
    from warehouse.snapshot as snapshot
    where snapshot.account_id = p_account_id
      and snapshot.snapshot_id = p_snapshot_id
      and snapshot.scope_kind = 'account';
    select previous.observed_at
    into previous_observed_at
    from warehouse.snapshot as previous
    where previous.account_id = p_account_id
      and previous.scope_kind = 'account'
      and previous.observed_at <= snapshot_observed_at -- lets the (account_id, observed_at) index answer
      and (previous.observed_at, previous.received_at, previous.snapshot_id)
          < (snapshot_observed_at, snapshot_received_at, p_snapshot_id)
    order by previous.observed_at desc, previous.received_at desc, previous.snapshot_id desc
    limit 1;
    is_after_gap := coalesce(snapshot_observed_at - previous_observed_at > p_gap_threshold, false);

    if is_after_gap then
        perform warehouse.derive_close_shifts_at_gap(p_account_id, p_snapshot_id, snapshot_observed_at, previous_observed_at);
    end if;
    perform warehouse.derive_close_shifts_of_absent_agents(p_account_id, p_snapshot_id, snapshot_observed_at, previous_observed_at);
    perform warehouse.derive_close_intervals(p_account_id, p_snapshot_id, snapshot_observed_at, previous_observed_at, is_after_gap);
    perform warehouse.derive_count_calls(p_account_id, p_snapshot_id, snapshot_observed_at, previous_observed_at);
    earliest_opened_at := warehouse.derive_open_intervals(p_account_id, p_snapshot_id, snapshot_observed_at,
        previous_observed_at);
    perform warehouse.apply_snapshot_calls(p_account_id, p_snapshot_id, snapshot_observed_at, previous_observed_at, is_after_gap);
    perform warehouse.unsettle(p_account_id, earliest_opened_at);
end
$$;
comment on function warehouse.apply_snapshot(smallint, bigint, interval) is 'Applies one account-wide snapshot to agent_state_interval and agent_shift; every snapshot ordered before it must have been applied, none after.';

-- The inverse of apply_snapshot: puts the account's derived facts back into the state they had right after the
-- last account-wide snapshot observed before p_from, so that applying the stored snapshots from p_from on, in
-- order, reproduces exactly what the load path wrote. p_from is an instant, so snapshots sharing an observed_at
-- are never split. What the state after that snapshot (P) is, read off the rows:
--   rows first seen at or after p_from were made by later snapshots: deleted (a shift goes with its first
--   interval, which was made in the same statement);
--   an agent's latest remaining interval that is closed but was last seen at P or later was closed by a later
--   snapshot (a state change whose successor was just deleted, a logout or a gap found after P): closing writes
--   the previous snapshot's time as last_seen_at, so a row closed at P itself shows an earlier one. It is
--   reopened, and so is its shift; open rows keep last_seen_at NULL, as the load path leaves them;
--   totals of the shifts open after P are recomputed the way the load path accumulates them: seconds of closed
--   intervals by status family, gap seconds between consecutive intervals, and calls from the agent's
--   calls_today in the account-wide snapshots of the shift up to P.
-- Known limit: an agent absent from one of two answers sharing P's observed_at cannot be told from one present in
-- both; it comes back logged in and the replay logs it out at the next snapshot instead.
-- The deletes and reopens move the settled watermark back before the intervals they touch.
create or replace function warehouse.rewind_derived(p_account_id smallint, p_from timestamptz)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
declare
    -- observed_at of P, the last account-wide snapshot before p_from; NULL when nothing was derived before it
    last_before_from timestamptz;
    earliest_deleted_at timestamptz;
    earliest_reopened_at timestamptz;
begin
    select max(snapshot.observed_at)
    into last_before_from
    from warehouse.snapshot as snapshot
    where snapshot.account_id = p_account_id
      and snapshot.scope_kind = 'account'
      and snapshot.observed_at < p_from;

    perform warehouse.rewind_calls(p_account_id, p_from);

    with deleted as (
        delete from warehouse.agent_state_interval as i
        where i.account_id = p_account_id
          and i.first_seen_at >= p_from
        returning i.started_at
    )
    select min(deleted.started_at)
    into earliest_deleted_at
    from deleted;

    delete from warehouse.agent_shift as s
    where s.account_id = p_account_id
      and (last_before_from is null or s.last_seen_at is null or s.last_seen_at >= last_before_from)
      and not exists (
          select 1
          from warehouse.agent_state_interval as i
          where i.account_id = p_account_id
            and i.user_id = s.user_id
            and i.shift_login_at = s.login_at
      );

    if last_before_from is not null then
        with reopened as (
            update warehouse.agent_state_interval as i
            set ended_at = null,
                end_reason = null,
                last_seen_at = null
            where i.account_id = p_account_id
              and i.ended_at is not null
              and i.last_seen_at >= last_before_from
              and i.started_at = (
                  select max(latest.started_at)
                  from warehouse.agent_state_interval as latest
                  where latest.account_id = p_account_id
                    and latest.user_id = i.user_id
              )
            returning i.started_at
        )
        select min(reopened.started_at)
        into earliest_reopened_at
        from reopened;

        update warehouse.agent_shift as s
        set logout_at = null,
            end_reason = null,
            last_seen_at = null
        where s.account_id = p_account_id
          and s.logout_at is not null
          and s.last_seen_at >= last_before_from
          and exists (
              select 1
              from warehouse.agent_state_interval as i
              where i.account_id = p_account_id
                and i.user_id = s.user_id
                and i.shift_login_at = s.login_at
                and i.ended_at is null
          );

        perform warehouse.recompute_open_shift_totals(p_account_id, p_from);
    end if;

    perform warehouse.unsettle(p_account_id, least(earliest_deleted_at, earliest_reopened_at));
end
$$;
comment on function warehouse.rewind_derived(smallint, timestamptz) is 'Puts the account''s intervals and shifts back to their state after the last account-wide snapshot before p_from, from which applying the later snapshots in order goes on.';

-- The rewind's last statement: the totals of the account's open shifts, recomputed from their intervals and from
-- the account-wide snapshots before p_from, as apply_snapshot accumulates them.
create or replace function warehouse.recompute_open_shift_totals(p_account_id smallint, p_from timestamptz)
returns void
language plpgsql
set jit = off
set plan_cache_mode = force_custom_plan
as $$
begin
    with open_shift_seen as (
        select s.account_id,
               s.user_id,
               s.login_at,
               (select min(i.first_seen_at)
                from warehouse.agent_state_interval as i
                where i.account_id = s.account_id
                  and i.user_id = s.user_id
                  and i.shift_login_at = s.login_at) as first_seen_at
        from warehouse.agent_shift as s
        where s.account_id = p_account_id
          and s.logout_at is null
    ), open_shift as (
        -- with the account-wide answer before the shift's first, the one its first reading follows
        select open_shift_seen.*,
               (select max(previous.observed_at)
                from warehouse.snapshot as previous
                where previous.account_id = open_shift_seen.account_id
                  and previous.scope_kind = 'account'
                  and previous.observed_at < open_shift_seen.first_seen_at) as previous_observed_at
        from open_shift_seen
    ), shift_interval as (
        select i.account_id,
               i.user_id,
               i.shift_login_at,
               reporting.status_group(l.value) as status_group,
               case
                   when i.ended_at is not null then warehouse.whole_seconds(i.started_at, i.ended_at)
               end as closed_sec,
               warehouse.whole_seconds(
                   lag(i.ended_at) over (partition by i.user_id, i.shift_login_at order by i.started_at),
                   i.started_at) as gap_before_sec
        from warehouse.agent_state_interval as i
        inner join open_shift
            on open_shift.account_id = i.account_id
           and open_shift.user_id = i.user_id
           and open_shift.login_at = i.shift_login_at
        left join warehouse.label as l
            on l.label_id = i.status_ref
        where i.account_id = p_account_id
    ), interval_total as (
        select account_id,
               user_id,
               shift_login_at,
               coalesce(sum(closed_sec) filter (where status_group = 'ready'), 0) as ready_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'wait'), 0) as wait_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'incall'), 0) as incall_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'dispo'), 0) as dispo_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'paused'), 0) as paused_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'dead'), 0) as dead_sec,
               coalesce(sum(closed_sec) filter (where status_group = 'other'), 0) as other_sec,
               coalesce(sum(gap_before_sec), 0) as gap_sec
        from shift_interval
        group by account_id, user_id, shift_login_at
    ), shift_snapshot as (
        -- the agent in every account-wide snapshot of the shift before p_from, in derivation order
        select open_shift.account_id,
               open_shift.user_id,
               open_shift.login_at,
               a.calls_today,
               a.last_call_time >= least(open_shift.login_at, coalesce(lag(snapshot.observed_at) over shift_order,
                   open_shift.previous_observed_at)) as shows_call_of_shift,
               snapshot.observed_at,
               snapshot.received_at,
               snapshot.snapshot_id,
               lag(snapshot.observed_at) over shift_order as previous_observed_at
        from open_shift
        inner join warehouse.agent_snapshot as a
            on a.account_id = open_shift.account_id
           and a.user_id = open_shift.user_id
           and a.observed_at >= open_shift.first_seen_at
           and a.observed_at < p_from
        inner join warehouse.snapshot as snapshot
            on snapshot.account_id = a.account_id
           and snapshot.snapshot_id = a.snapshot_id
           and snapshot.scope_kind = 'account'
        window shift_order as (partition by open_shift.user_id
            order by snapshot.observed_at, snapshot.received_at, snapshot.snapshot_id)
    ), calls_reading as (
        -- the readings of calls_today, each with the one before, as derive_count_calls saw them
        select shift_snapshot.account_id,
               shift_snapshot.user_id,
               shift_snapshot.login_at,
               shift_snapshot.calls_today,
               warehouse.calls_added(shift_snapshot.calls_today,
                   lag(shift_snapshot.calls_today) over calls_order,
                   warehouse.is_new_calls_day(shift_snapshot.previous_observed_at, shift_snapshot.observed_at,
                       account.time_zone),
                   coalesce(shift_snapshot.shows_call_of_shift, false)) as calls_added,
               row_number() over (partition by shift_snapshot.user_id order by shift_snapshot.observed_at desc,
                   shift_snapshot.received_at desc, shift_snapshot.snapshot_id desc) as recency
        from shift_snapshot
        inner join warehouse.account as account
            on account.account_id = shift_snapshot.account_id
        where shift_snapshot.calls_today is not null
        window calls_order as (partition by shift_snapshot.user_id
            order by shift_snapshot.observed_at, shift_snapshot.received_at, shift_snapshot.snapshot_id)
    ), calls as (
        select account_id,
               user_id,
               login_at,
               sum(calls_added) as calls_handled,
               max(calls_today) filter (where recency = 1) as last_calls_today
        from calls_reading
        group by account_id, user_id, login_at
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
        on interval_total.account_id = open_shift.account_id
       and interval_total.user_id = open_shift.user_id
       and interval_total.shift_login_at = open_shift.login_at
    left join calls
        on calls.account_id = open_shift.account_id
       and calls.user_id = open_shift.user_id
       and calls.login_at = open_shift.login_at
    where s.account_id = open_shift.account_id
      and s.user_id = open_shift.user_id
      and s.login_at = open_shift.login_at;
end
$$;
comment on function warehouse.recompute_open_shift_totals(smallint, timestamptz) is 'Rewind step: recomputes the per-family seconds, gap seconds and calls of the account''s open shifts from their intervals and the snapshots before p_from.';
