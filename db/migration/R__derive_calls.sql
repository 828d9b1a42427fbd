-- warehouse.apply_snapshot_calls(): keeps warehouse.agent_call in step with one account-wide snapshot, in
-- the snapshot's transaction, after the state intervals and shifts; warehouse.rewind_calls(): its inverse,
-- for rebuild-derived and replay.
--
-- The reading of the API's call fields (docs/data-model.md#calls): every agent row describes the agent's
-- latest call. last_call_time is its start, last_call_finish the end of the latest call that ended (this
-- one once it has hung up, the previous one while it is in progress), call_log_id, lead_id and call_type
-- describe it. A call is told by its agent and start; call_log_id may be 0, missing or repeated.
--
-- Run by hand (the caller holds the account's lock; the previous account-wide snapshot's observed_at, and
-- whether more than the gap threshold lies between the two):
--   select warehouse.apply_snapshot_calls(1::smallint, 42, '2025-05-28 09:01:00-07', '2025-05-28 09:00:00-07', false);
create or replace function warehouse.apply_snapshot_calls(
    p_account_id smallint,
    p_snapshot_id bigint,
    p_observed_at timestamptz,
    p_previous_observed_at timestamptz,
    p_after_gap boolean
)
returns void
language plpgsql
as $$
begin
    -- 1. The open calls: what this answer says about each of them.
    -- materialized: the planner cannot know how many agents a new snapshot holds and takes it for one; inlined,
    -- that estimate makes it re-read the snapshot's agents once per open call (5 s at 3,000 agents)
    with snapshot_agent as materialized (
        select a.user_id,
               a.last_call_time,
               a.last_call_finish,
               reporting.status_group(status.value) as status_family
        from warehouse.agent_snapshot as a
        left join warehouse.label as status
            on status.label_id = a.status_ref
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
    ), open_call as (
        select c.user_id,
               c.started_at
        from warehouse.agent_call as c
        where c.account_id = p_account_id
          and c.end_reason is null
    ), seen as (
        select open_call.user_id,
               open_call.started_at,
               snapshot_agent.user_id is not null as is_present,
               snapshot_agent.last_call_time,
               snapshot_agent.last_call_finish,
               snapshot_agent.status_family
        from open_call
        left join snapshot_agent
            on snapshot_agent.user_id = open_call.user_id
    ), finish_known as (
        -- the finish is this call's when it is not before the start and the row shows this call (ended, or
        -- a finish to the second of its start and the agent no longer in the call), or shows a later call
        -- that began at or after that finish
        select seen.*,
               seen.last_call_finish >= seen.started_at
               and (
                   (seen.last_call_time = seen.started_at
                    and (seen.last_call_finish > seen.started_at
                         or seen.status_family <> 'incall'))
                   or (seen.last_call_time > seen.started_at and seen.last_call_finish <= seen.last_call_time)
               ) as is_finished
        from seen
    ), outcome as (
        select finish_known.user_id,
               finish_known.started_at,
               case
                   when finish_known.is_finished then 'finished'
                   when not finish_known.is_present and p_after_gap then 'gap'
                   when not finish_known.is_present then 'logout'
                   when finish_known.last_call_time > finish_known.started_at and p_after_gap then 'gap'
                   when finish_known.last_call_time > finish_known.started_at then 'replaced'
               end as end_reason,
               case when finish_known.is_finished then finish_known.last_call_finish end as ended_at,
               case
                   when finish_known.is_finished
                   then warehouse.whole_seconds(finish_known.started_at, finish_known.last_call_finish)
               end as talk_sec
        from finish_known
    )
    update warehouse.agent_call as c
    set end_reason = outcome.end_reason,
        ended_at = outcome.ended_at,
        talk_sec = outcome.talk_sec,
        ended_seen_at = p_observed_at
    from outcome
    where c.account_id = p_account_id
      and c.user_id = outcome.user_id
      and c.started_at = outcome.started_at
      and outcome.end_reason is not null;

    -- 2. Calls this answer shows for the first time. Only a call that started since the previous account-wide
    -- answer can be new (an older last_call_time is one already recorded, or a call of an earlier session);
    -- for the account's first answer, one that started in the agent's shift.
    -- materialized, for the reason given in step 1
    with snapshot_agent as materialized (
        select a.user_id,
               a.call_log_id,
               a.last_call_time,
               a.last_call_finish,
               a.last_inbound_call_time,
               a.lead_id,
               a.call_type_ref,
               upper(call_type.value) as call_type,
               a.campaign_id,
               a.queue_id,
               reporting.status_group(status.value) as status_family
        from warehouse.agent_snapshot as a
        left join warehouse.label as status
            on status.label_id = a.status_ref
        left join warehouse.label as call_type
            on call_type.label_id = a.call_type_ref
        where a.account_id = p_account_id
          and a.snapshot_id = p_snapshot_id
          and a.observed_at = p_observed_at
          and a.last_call_time is not null
    ), new_call as (
        select snapshot_agent.*,
               open_shift.login_at as shift_login_at
        from snapshot_agent
        left join warehouse.agent_shift as open_shift
            on open_shift.account_id = p_account_id
           and open_shift.user_id = snapshot_agent.user_id
           and open_shift.logout_at is null
        where snapshot_agent.last_call_time >= coalesce(p_previous_observed_at, open_shift.login_at)
          and not exists (
              select 1
              from warehouse.agent_call as c
              where c.account_id = p_account_id
                and c.user_id = snapshot_agent.user_id
                and c.started_at = snapshot_agent.last_call_time
          )
    ), described as (
        select new_call.*,
               -- the same rule as for an open call in step 1, the row showing this very call
               new_call.last_call_finish > new_call.last_call_time
               or (new_call.last_call_finish = new_call.last_call_time and new_call.status_family <> 'incall')
               as is_finished,
               case
                   when new_call.call_type like 'IN%' then 'inbound'
                   when new_call.call_type like 'OUT%' or new_call.call_type = 'MANUAL' then 'outbound'
                   when new_call.last_inbound_call_time = new_call.last_call_time then 'inbound'
                   when new_call.last_inbound_call_time is not null then 'outbound'
               end as direction
        from new_call
    )
    insert into warehouse.agent_call (account_id, user_id, started_at, call_log_id, ended_at, end_reason, talk_sec,
        direction, call_type_ref, campaign_id, queue_id, lead_id, shift_login_at, first_seen_at, ended_seen_at)
    select p_account_id,
           described.user_id,
           described.last_call_time,
           described.call_log_id,
           case when described.is_finished then described.last_call_finish end,
           case when described.is_finished then 'finished' end,
           case
               when described.is_finished
               then warehouse.whole_seconds(described.last_call_time, described.last_call_finish)
           end,
           described.direction,
           described.call_type_ref,
           described.campaign_id,
           described.queue_id,
           described.lead_id,
           described.shift_login_at,
           p_observed_at,
           case when described.is_finished then p_observed_at end
    from described;

    -- 3. Wrap-up: the calls the agent has moved on from get their wrap-up and dead seconds, final from then on.
    -- The after-call stretch of a call runs from its start to the first of: the agent's next call, an interval
    -- of any family but incall, dispo and dead, the end of its shift. It is over once every interval in it is
    -- closed: the agent's open interval begins at or after the stretch's end, or it has none (logged out).
    -- Its DISPO intervals are the wrap-up, its DEAD ones the dead time. That can only change for an agent this
    -- answer gave a new interval or a new call, or whose open interval it closed, so only the calls still in
    -- their stretch (agent_call_unhandled) of those agents are looked at.
    with unhandled as materialized (
        select event.account_id,
               event.user_id,
               event.started_at,
               event.open_started_at
        from (
            select c.account_id,
                   c.user_id,
                   c.started_at,
                   open_interval.started_at as open_started_at,
                   open_interval.started_at is null
                   or open_interval.first_seen_at = p_observed_at
                   or bool_or(c.first_seen_at = p_observed_at) over (partition by c.account_id, c.user_id)
                       as is_changed
            from warehouse.agent_call as c
            left join warehouse.agent_state_interval as open_interval
                on open_interval.account_id = c.account_id
               and open_interval.user_id = c.user_id
               and open_interval.ended_at is null
            where c.account_id = p_account_id
              and c.handled_seen_at is null
        ) as event
        where event.is_changed
    ), next_call as (
        select unhandled.account_id,
               unhandled.user_id,
               unhandled.started_at,
               min(later.started_at) as next_started_at
        from unhandled
        inner join warehouse.agent_call as later
            on later.account_id = unhandled.account_id
           and later.user_id = unhandled.user_id
           and later.started_at > unhandled.started_at
        group by unhandled.account_id, unhandled.user_id, unhandled.started_at
    ), after_call_interval as (
        select unhandled.account_id,
               unhandled.user_id,
               unhandled.started_at as call_started_at,
               i.started_at,
               i.ended_at,
               reporting.status_group(status.value) as status_family
        from unhandled
        left join next_call
            on next_call.account_id = unhandled.account_id
           and next_call.user_id = unhandled.user_id
           and next_call.started_at = unhandled.started_at
        inner join warehouse.agent_state_interval as i
            on i.account_id = unhandled.account_id
           and i.user_id = unhandled.user_id
           and i.started_at >= unhandled.started_at
           and i.started_at < coalesce(next_call.next_started_at, 'infinity')
        left join warehouse.label as status
            on status.label_id = i.status_ref
    ), stretch as (
        select unhandled.account_id,
               unhandled.user_id,
               unhandled.started_at,
               unhandled.open_started_at,
               least(next_call.next_started_at,
                     min(after_call_interval.started_at)
                         filter (where after_call_interval.status_family not in ('incall', 'dispo', 'dead')))
                   as ended_at
        from unhandled
        left join next_call
            on next_call.account_id = unhandled.account_id
           and next_call.user_id = unhandled.user_id
           and next_call.started_at = unhandled.started_at
        left join after_call_interval
            on after_call_interval.account_id = unhandled.account_id
           and after_call_interval.user_id = unhandled.user_id
           and after_call_interval.call_started_at = unhandled.started_at
        group by unhandled.account_id, unhandled.user_id, unhandled.started_at, unhandled.open_started_at,
            next_call.next_started_at
    ), handled as (
        select stretch.account_id,
               stretch.user_id,
               stretch.started_at,
               coalesce(sum(warehouse.whole_seconds(after_call_interval.started_at, after_call_interval.ended_at))
                   filter (where after_call_interval.status_family = 'dispo'), 0) as wrap_up_sec,
               coalesce(sum(warehouse.whole_seconds(after_call_interval.started_at, after_call_interval.ended_at))
                   filter (where after_call_interval.status_family = 'dead'), 0) as dead_sec
        from stretch
        left join after_call_interval
            on after_call_interval.account_id = stretch.account_id
           and after_call_interval.user_id = stretch.user_id
           and after_call_interval.call_started_at = stretch.started_at
           and after_call_interval.started_at < coalesce(stretch.ended_at, 'infinity')
        where stretch.open_started_at is null
           or stretch.open_started_at >= stretch.ended_at
        group by stretch.account_id, stretch.user_id, stretch.started_at
    )
    update warehouse.agent_call as c
    set wrap_up_sec = handled.wrap_up_sec,
        dead_sec = handled.dead_sec,
        handled_seen_at = p_observed_at
    from handled
    where c.account_id = handled.account_id
      and c.user_id = handled.user_id
      and c.started_at = handled.started_at;
end;
$$;
comment on function warehouse.apply_snapshot_calls(smallint, bigint, timestamptz, timestamptz, boolean) is 'Applies one account-wide snapshot to warehouse.agent_call: closes the open calls it shows ended (or replaced, or gone with a logout or a gap), records the calls it shows for the first time, and stores the wrap-up of the calls the agent has moved on from.';

-- Puts agent_call back to its state right after the last account-wide snapshot observed before p_cut: rows
-- first seen from the cut on are deleted, rows closed from the cut on are open again, and so are wrap-ups. Everything else a row
-- holds was written when it was first seen, so nothing else needs recomputing.
create or replace function warehouse.rewind_calls(p_account_id smallint, p_cut timestamptz)
returns void
language plpgsql
as $$
begin
    delete from warehouse.agent_call as c
    where c.account_id = p_account_id
      and c.first_seen_at >= p_cut;

    update warehouse.agent_call as c
    set end_reason = null,
        ended_at = null,
        talk_sec = null,
        ended_seen_at = null
    where c.account_id = p_account_id
      and c.ended_seen_at >= p_cut;

    update warehouse.agent_call as c
    set wrap_up_sec = null,
        dead_sec = null,
        handled_seen_at = null
    where c.account_id = p_account_id
      and c.handled_seen_at >= p_cut;
end;
$$;
comment on function warehouse.rewind_calls(smallint, timestamptz) is 'Undoes what account-wide snapshots observed at or after the cut did to warehouse.agent_call, so that replaying them reproduces it.';
