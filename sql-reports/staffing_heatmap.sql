-- staffing_heatmap: Average and peak logged-in and ready agents by local weekday and hour.
--
-- Grain: one row per account per (ISO weekday, local hour) that occurs in [from, to). A fall-back
--   day's repeated hour adds two hours to its cell; a spring-forward day's missing hour adds none.
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
-- Source: reporting.agent_status_quarter_hour (through reporting.agent_status_quarter_hours for the period)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, iso_weekday (1 = Monday ... 7 = Sunday), weekday, local_hour (0-23),
--   hours_in_cell, avg_logged_in_agents, peak_logged_in_agents, avg_ready_agents, peak_ready_agents
-- Formulas:
--   hours_in_cell       = hours of the period that fall in the cell
--   avg_<x>_agents      = agent-seconds of <x> in the cell's hours / seconds of those hours
--   peak_<x>_agents     = most agents in <x> at one instant in any of the cell's hours
--   <x>: logged_in = any status; ready = READY only (WAIT is separate in interval_activity)
\if :{?from} \else \warn 'staffing_heatmap.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'staffing_heatmap.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif

with

parameters as (
    select * from reporting.report_period(:'from', :'to', :'account')
),

quarter_hours as (
    select
        parameters.account_id,
        parameters.account_name,
        quarter.quarter_start,
        extract(isodow from quarter.quarter_start at time zone parameters.time_zone)::integer as iso_weekday,
        trim(to_char(quarter.quarter_start at time zone parameters.time_zone, 'Day')) as weekday,
        extract(hour from quarter.quarter_start at time zone parameters.time_zone)::integer as local_hour
    from parameters
        cross join lateral generate_series(
            date_bin(interval '15 minutes', parameters.from_at, timestamptz '2000-01-01 00:00:00+00'),
            parameters.to_at - interval '1 microsecond',
            interval '15 minutes') as quarter(quarter_start)
),

agent_quarters as (
    select
        agent_status_quarter_hours.account_id,
        agent_status_quarter_hours.bucket_start as quarter_start,
        agent_status_quarter_hours.status_group,
        agent_status_quarter_hours.agent_sec,
        agent_status_quarter_hours.peak_agents
    from parameters
        -- reporting.agent_status_quarter_hour for this account and period only
        cross join lateral reporting.agent_status_quarter_hours(parameters.account_id, parameters.from_at, parameters.to_at)
            as agent_status_quarter_hours
    where agent_status_quarter_hours.status_group in ('logged_in', 'ready')
),

cell_seconds as (
    select
        quarter_hours.account_id,
        quarter_hours.account_name,
        quarter_hours.iso_weekday,
        quarter_hours.weekday,
        quarter_hours.local_hour,
        900 * count(*) as cell_sec
    from quarter_hours
    group by
        quarter_hours.account_id,
        quarter_hours.account_name,
        quarter_hours.iso_weekday,
        quarter_hours.weekday,
        quarter_hours.local_hour
),

cell_agents as (
    select
        quarter_hours.account_id,
        quarter_hours.iso_weekday,
        quarter_hours.local_hour,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'logged_in') as logged_in_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'logged_in') as peak_logged_in_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'ready') as ready_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'ready') as peak_ready_agents
    from quarter_hours
        inner join agent_quarters on agent_quarters.account_id = quarter_hours.account_id
            and agent_quarters.quarter_start = quarter_hours.quarter_start
    group by
        quarter_hours.account_id,
        quarter_hours.iso_weekday,
        quarter_hours.local_hour
)

select
    cell_seconds.account_name,
    cell_seconds.iso_weekday,
    cell_seconds.weekday,
    cell_seconds.local_hour,
    round(cell_seconds.cell_sec / 3600.0, 2) as hours_in_cell,
    round(coalesce(cell_agents.logged_in_sec, 0) / cell_seconds.cell_sec, 2) as avg_logged_in_agents,
    coalesce(cell_agents.peak_logged_in_agents, 0) as peak_logged_in_agents,
    round(coalesce(cell_agents.ready_sec, 0) / cell_seconds.cell_sec, 2) as avg_ready_agents,
    coalesce(cell_agents.peak_ready_agents, 0) as peak_ready_agents
from cell_seconds
    left join cell_agents on cell_agents.account_id = cell_seconds.account_id
        and cell_agents.iso_weekday = cell_seconds.iso_weekday
        and cell_agents.local_hour = cell_seconds.local_hour
order by
    cell_seconds.account_name,
    cell_seconds.iso_weekday,
    cell_seconds.local_hour;
