-- shift_timeline: Each agent's status intervals and calls along the local day, for a timeline (report --format html draws it).
--
-- Grain: one row per status interval (row_kind 'status') and per call (row_kind 'call') that overlaps
--   [from, to), clipped to it.
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Sources: reporting.shift_timeline (status intervals), warehouse.agent_call (calls, read as reporting.agent_call
--   reads them)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, time_zone, campaign_name, user_id, user_full_name, shift_login_local,
--   status, status_label, status_group, started_local, ended_local, duration_sec,
--   start_offset_sec, end_offset_sec, period_start_local, period_sec, end_reason,
--   row_kind, call_direction, talk_sec
--   A call row has no status; its campaign is the agent's when the call was first seen, its
--   duration_sec its talk_sec, its end_reason the call's (finished, open, replaced, logout, gap).
-- Formulas:
--   start_offset_sec, end_offset_sec = seconds from the period's start to the clipped start and end
--   period_sec = seconds from from to to as they pass (a spring-forward day has 82800, a fall-back day 90000)
--   ended_local = the interval's counted_until: a polling gap after it is left out, not stretched over;
--                 for a call its end, NULL when no poll showed it (end_offset_sec is then its start's)
\if :{?from} \else \warn 'shift_timeline.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'shift_timeline.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif

with

parameters as (
    select * from reporting.report_period(:'from', :'to', :'account')
),

clipped_intervals as (
    select
        shift_timeline.*,
        parameters.from_at,
        parameters.to_at,
        greatest(shift_timeline.started_at, parameters.from_at) as bar_start_at,
        least(shift_timeline.counted_until, parameters.to_at) as bar_end_at
    from reporting.shift_timeline as shift_timeline
        inner join parameters on parameters.account_id = shift_timeline.account_id
    where shift_timeline.started_at < parameters.to_at
        and shift_timeline.counted_until > parameters.from_at
),

-- an agent can have had several names: the one seen last
agent_names as (
    select distinct on (agent.account_id, agent.user_id)
        agent.account_id,
        agent.user_id,
        agent.user_full_name
    from warehouse.agent as agent
        inner join parameters on parameters.account_id = agent.account_id
    order by agent.account_id, agent.user_id, agent.last_seen_at desc
),

-- The calls are read from warehouse.agent_call through its (account_id, started_at) index, with the
-- open ones named as reporting.agent_call names them: that view adds wrap-up by a window over every
-- call of the account, which the marks do not need. No call lasts a day, which bounds the scan.
-- A call whose end no poll showed is drawn as a mark at its start.
clipped_calls as (
    select
        agent_call.account_id,
        agent_call.user_id,
        agent_call.started_at,
        agent_call.ended_at,
        coalesce(agent_call.end_reason, 'open') as end_reason,
        agent_call.talk_sec,
        agent_call.direction,
        agent_call.campaign_id,
        agent_call.shift_login_at,
        parameters.time_zone,
        parameters.from_at,
        parameters.to_at,
        greatest(agent_call.started_at, parameters.from_at) as mark_start_at,
        least(coalesce(agent_call.ended_at, agent_call.started_at), parameters.to_at) as mark_end_at
    from warehouse.agent_call as agent_call
        inner join parameters on parameters.account_id = agent_call.account_id
    where agent_call.started_at < parameters.to_at
        and agent_call.started_at >= parameters.from_at - interval '1 day'
        and coalesce(agent_call.ended_at, agent_call.started_at) >= parameters.from_at
)

select
    clipped_intervals.account_name,
    clipped_intervals.time_zone,
    clipped_intervals.campaign_name,
    clipped_intervals.user_id,
    clipped_intervals.user_full_name,
    clipped_intervals.shift_login_local,
    clipped_intervals.status,
    clipped_intervals.status_label,
    clipped_intervals.status_group,
    clipped_intervals.started_local,
    clipped_intervals.counted_until_local as ended_local,
    clipped_intervals.duration_sec,
    extract(epoch from clipped_intervals.bar_start_at - clipped_intervals.from_at)::bigint as start_offset_sec,
    extract(epoch from clipped_intervals.bar_end_at - clipped_intervals.from_at)::bigint as end_offset_sec,
    clipped_intervals.from_at at time zone clipped_intervals.time_zone as period_start_local,
    extract(epoch from clipped_intervals.to_at - clipped_intervals.from_at)::bigint as period_sec,
    clipped_intervals.end_reason,
    'status' as row_kind,
    null as call_direction,
    null::integer as talk_sec
from clipped_intervals

union all

select
    accounts.account_name,
    clipped_calls.time_zone,
    campaign_names.campaign_name,
    clipped_calls.user_id,
    agent_names.user_full_name,
    clipped_calls.shift_login_at at time zone clipped_calls.time_zone as shift_login_local,
    null as status,
    null as status_label,
    null as status_group,
    clipped_calls.started_at at time zone clipped_calls.time_zone as started_local,
    clipped_calls.ended_at at time zone clipped_calls.time_zone as ended_local,
    clipped_calls.talk_sec as duration_sec,
    extract(epoch from clipped_calls.mark_start_at - clipped_calls.from_at)::bigint as start_offset_sec,
    extract(epoch from clipped_calls.mark_end_at - clipped_calls.from_at)::bigint as end_offset_sec,
    clipped_calls.from_at at time zone clipped_calls.time_zone as period_start_local,
    extract(epoch from clipped_calls.to_at - clipped_calls.from_at)::bigint as period_sec,
    clipped_calls.end_reason,
    'call' as row_kind,
    clipped_calls.direction as call_direction,
    clipped_calls.talk_sec
from clipped_calls
    inner join reporting.account as accounts on accounts.account_id = clipped_calls.account_id
    left join agent_names
        on agent_names.account_id = clipped_calls.account_id
        and agent_names.user_id = clipped_calls.user_id
    left join reporting.campaign_name as campaign_names
        on campaign_names.account_id = clipped_calls.account_id
        and campaign_names.campaign_id = clipped_calls.campaign_id

order by
    account_name,
    campaign_name,
    shift_login_local,
    user_id,
    started_local,
    row_kind desc;
