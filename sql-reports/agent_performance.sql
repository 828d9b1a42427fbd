-- agent_performance: Each agent's day: calls, talk, wrap-up, average handle time, pause and wait per call, occupancy.
--
-- Grain: one row per agent per local day, for the days that begin in [from, to).
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Source: reporting.agent_state_days (time per status, cut at local midnight), reporting.agent_shift
--   (calls counted), reporting.agent_call (calls seen, talk, wrap-up; read for the
--   period through the function reporting.agent_calls)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, local_date, user_id, user_full_name, logged_in_sec, calls_counted, calls_seen,
--   calls_finished, talk_sec, talk_per_call_sec, wrap_up_sec, wrap_up_per_call_sec, aht_sec,
--   paused_sec, paused_per_call_sec, available_sec, available_per_call_sec, calls_per_hour, occupancy_pct
-- Formulas:
--   calls_counted          = calls_handled of the agent's shifts that began that day (increases of calls_today)
--   calls_seen             = calls the polls saw that started that day; calls_finished = those with a known end
--   talk_sec, wrap_up_sec  = sums over the finished calls; *_per_call_sec = the sum / calls_finished
--   aht_sec                = (talk_sec + wrap_up_sec) / calls_finished (AHT excluding hold)
--   paused_per_call_sec    = paused_sec / calls_counted; available_sec = ready_sec + wait_sec, likewise
--   calls_per_hour         = calls_counted * 3600 / logged_in_sec
--   occupancy_pct          = 100 * (incall_sec + dispo_sec) / (incall_sec + dispo_sec + ready_sec + wait_sec)
\if :{?from} \else \warn 'agent_performance.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'agent_performance.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif

with

parameters as (
    select * from reporting.report_period(:'from', :'to', :'account')
),

agent_days as (
    select
        agent_state_daily.*
    from parameters
        -- reporting.agent_state_daily for this account and the local days the period touches only
        cross join lateral reporting.agent_state_days(parameters.account_id, parameters.from_local::date, parameters.to_local::date + 1)
            as agent_state_daily
    where agent_state_daily.local_date >= parameters.from_local
        and agent_state_daily.local_date < parameters.to_local
),

calls_counted as (
    select
        agent_shift.account_id,
        agent_shift.user_id,
        agent_shift.shift_date as local_date,
        sum(agent_shift.calls_handled) as calls_counted
    from reporting.agent_shift as agent_shift
        inner join parameters on parameters.account_id = agent_shift.account_id
    where agent_shift.shift_date >= parameters.from_local
        and agent_shift.shift_date < parameters.to_local
    group by agent_shift.account_id, agent_shift.user_id, agent_shift.shift_date
),

calls_seen as (
    select
        agent_call.account_id,
        agent_call.user_id,
        agent_call.started_local_date as local_date,
        count(*) as calls_seen,
        count(*) filter (where agent_call.is_finished) as calls_finished,
        coalesce(sum(agent_call.talk_sec) filter (where agent_call.is_finished), 0) as talk_sec,
        coalesce(sum(agent_call.wrap_up_sec) filter (where agent_call.is_finished), 0) as wrap_up_sec
    from parameters
        cross join lateral reporting.agent_calls(parameters.account_id,
            parameters.from_local::date::timestamp at time zone parameters.time_zone,
            (parameters.to_local::date + 1)::timestamp at time zone parameters.time_zone) as agent_call
    where agent_call.started_local_date >= parameters.from_local
        and agent_call.started_local_date < parameters.to_local
    group by agent_call.account_id, agent_call.user_id, agent_call.started_local_date
),

performance as (
    select
        agent_days.*,
        coalesce(calls_counted.calls_counted, 0) as calls_counted,
        coalesce(calls_seen.calls_seen, 0) as calls_seen,
        coalesce(calls_seen.calls_finished, 0) as calls_finished,
        coalesce(calls_seen.talk_sec, 0) as talk_sec,
        coalesce(calls_seen.wrap_up_sec, 0) as wrap_up_sec,
        agent_days.ready_sec + agent_days.wait_sec as available_sec
    from agent_days
        left join calls_counted
            on calls_counted.account_id = agent_days.account_id
            and calls_counted.user_id = agent_days.user_id
            and calls_counted.local_date = agent_days.local_date
        left join calls_seen
            on calls_seen.account_id = agent_days.account_id
            and calls_seen.user_id = agent_days.user_id
            and calls_seen.local_date = agent_days.local_date
)

select
    performance.account_name,
    performance.local_date,
    performance.user_id,
    performance.user_full_name,
    performance.logged_in_sec,
    performance.calls_counted,
    performance.calls_seen,
    performance.calls_finished,
    performance.talk_sec,
    round(performance.talk_sec::numeric / nullif(performance.calls_finished, 0), 1) as talk_per_call_sec,
    performance.wrap_up_sec,
    round(performance.wrap_up_sec::numeric / nullif(performance.calls_finished, 0), 1) as wrap_up_per_call_sec,
    round((performance.talk_sec + performance.wrap_up_sec)::numeric / nullif(performance.calls_finished, 0), 1) as aht_sec,
    performance.paused_sec,
    round(performance.paused_sec::numeric / nullif(performance.calls_counted, 0), 1) as paused_per_call_sec,
    performance.available_sec,
    round(performance.available_sec::numeric / nullif(performance.calls_counted, 0), 1) as available_per_call_sec,
    round(performance.calls_counted * 3600.0 / nullif(performance.logged_in_sec, 0), 1) as calls_per_hour,
    round(100.0 * (performance.incall_sec + performance.dispo_sec)
        / nullif(performance.incall_sec + performance.dispo_sec + performance.ready_sec + performance.wait_sec, 0), 1) as occupancy_pct
from performance
order by
    performance.account_name,
    performance.local_date,
    performance.user_id;
