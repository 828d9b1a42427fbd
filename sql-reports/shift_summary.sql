-- shift_summary: How each agent's shifts went: login, logout, time per status, occupancy and calls.
--
-- Grain: one row per agent per shift, for the shifts whose login falls in [from, to).
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Source: reporting.agent_shift
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, user_id, user_full_name, shift_date (local date of login),
--   login_local, logout_local (local times; logout_local = last seen while still logged in),
--   end_reason (logout, gap, or open), logged_in_sec, ready_sec, wait_sec, incall_sec, dispo_sec,
--   paused_sec, dead_sec, other_sec, gap_sec, occupancy_pct, utilization_pct, calls_handled,
--   calls_per_hour
-- Formulas:
--   logged_in_sec   = logout (or last seen) - login, gaps included
--   gap_sec         = time of the shift no status interval covers (polling gaps)
--   occupancy_pct   = 100 * (incall_sec + dispo_sec) / (incall_sec + dispo_sec + ready_sec + wait_sec)
--   utilization_pct = 100 * (incall_sec + dispo_sec) / (sum of all status seconds)
--   calls_per_hour  = calls_handled * 3600 / (sum of all status seconds)
--   calls_handled   = sum of increases of the agent's calls_today over the shift
\if :{?from} \else \warn 'shift_summary.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'shift_summary.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif

with

parameters as (
    select * from reporting.report_period(:'from', :'to', :'account')
),

shifts as (
    select
        agent_shift.*
    from reporting.agent_shift as agent_shift
        inner join parameters on parameters.account_id = agent_shift.account_id
    where agent_shift.login_at >= parameters.from_at
        and agent_shift.login_at < parameters.to_at
)

select
    shifts.account_name,
    shifts.user_id,
    shifts.user_full_name,
    shifts.shift_date,
    shifts.login_local,
    shifts.logout_local,
    coalesce(shifts.end_reason, 'open') as end_reason,
    round(shifts.logged_in_sec)::bigint as logged_in_sec,
    shifts.ready_sec,
    shifts.wait_sec,
    shifts.incall_sec,
    shifts.dispo_sec,
    shifts.paused_sec,
    shifts.dead_sec,
    shifts.other_sec,
    shifts.gap_sec,
    shifts.occupancy_pct,
    shifts.utilization_pct,
    shifts.calls_handled,
    shifts.calls_per_hour
from shifts
order by
    shifts.account_name,
    shifts.user_id,
    shifts.login_local;
