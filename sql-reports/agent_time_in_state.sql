-- agent_time_in_state: Where each agent's time went each local day: seconds per status and occupancy.
--
-- Grain: one row per agent per local day, for the days that begin in [from, to).
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Source: reporting.agent_state_days, the function behind reporting.agent_state_daily, for the period's
--   days only (status intervals cut at local midnight)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, local_date, user_id, user_full_name, logged_in_sec, ready_sec, wait_sec,
--   incall_sec, dispo_sec, paused_sec, dead_sec, other_sec, occupancy_pct, utilization_pct
-- Formulas:
--   logged_in_sec   = sum of the day's status seconds (polling gaps are in no status and not counted)
--   occupancy_pct   = 100 * (incall_sec + dispo_sec) / (incall_sec + dispo_sec + ready_sec + wait_sec)
--   utilization_pct = 100 * (incall_sec + dispo_sec) / logged_in_sec
\if :{?from} \else \warn 'agent_time_in_state.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'agent_time_in_state.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
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
)

select
    agent_days.account_name,
    agent_days.local_date,
    agent_days.user_id,
    agent_days.user_full_name,
    agent_days.logged_in_sec,
    agent_days.ready_sec,
    agent_days.wait_sec,
    agent_days.incall_sec,
    agent_days.dispo_sec,
    agent_days.paused_sec,
    agent_days.dead_sec,
    agent_days.other_sec,
    round(100.0 * (agent_days.incall_sec + agent_days.dispo_sec)
        / nullif(agent_days.incall_sec + agent_days.dispo_sec + agent_days.ready_sec + agent_days.wait_sec, 0), 1) as occupancy_pct,
    round(100.0 * (agent_days.incall_sec + agent_days.dispo_sec) / nullif(agent_days.logged_in_sec, 0), 1) as utilization_pct
from agent_days
order by
    agent_days.account_name,
    agent_days.local_date,
    agent_days.user_id;
