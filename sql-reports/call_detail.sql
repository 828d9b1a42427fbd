-- call_detail: Every call the polls saw: when it started and ended, talk, wrap-up and handle time, who took it.
--
-- Grain: one row per call, for the calls that started in [from, to).
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Source: reporting.agent_call (read for the period through the function reporting.agent_calls)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, user_id, user_full_name, started_local, ended_local, end_reason (finished, open,
--   replaced, logout, gap), direction, campaign_name, queue_name, lead_id, call_log_id, talk_sec,
--   wrap_up_sec, dead_sec, handle_sec
-- Formulas:
--   talk_sec    = ended - started (the API's last_call_finish - last_call_time); empty when the end is unknown
--   wrap_up_sec = DISPO seconds after the call until the agent's next call, next other status or shift end
--   handle_sec  = talk_sec + wrap_up_sec (hold is not observable, so it is not subtracted)
\if :{?from} \else \warn 'call_detail.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'call_detail.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif

with

parameters as (
    select * from reporting.report_period(:'from', :'to', :'account')
),

calls as (
    select
        agent_call.*
    from parameters
        cross join lateral reporting.agent_calls(parameters.account_id, parameters.from_at, parameters.to_at) as agent_call
)

select
    calls.account_name,
    calls.user_id,
    calls.user_full_name,
    calls.started_local,
    calls.ended_local,
    calls.end_reason,
    calls.direction,
    calls.campaign_name,
    calls.queue_name,
    calls.lead_id,
    calls.call_log_id,
    calls.talk_sec,
    calls.wrap_up_sec,
    calls.dead_sec,
    calls.handle_sec
from calls
order by
    calls.account_name,
    calls.user_id,
    calls.started_local;
