-- interval_activity: Agents and calls per 15/30/60-minute bucket: logged in, average and peak agents per status, calls, answered, dropped, drop %.
--
-- Grain: one row per account per bucket in [from, to), empty buckets included. Buckets are in the
--   account's local time: a fall-back day has 25 hourly buckets (01:00 twice, told apart by
--   utc_offset), a spring-forward day 23.
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
--   bucket    bucket length in minutes: 15, 30 or 60 (default 60)
-- Sources: reporting.agent_status_quarter_hour (agents, read for the period through the function
--   reporting.agent_status_quarter_hours), reporting.campaign_counter_delta (calls of
--   the account-wide answers)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, bucket_start_local, utc_offset, bucket_sec, avg_logged_in_agents,
--   peak_logged_in_agents, then avg_<status>_agents and peak_<status>_agents for ready, wait,
--   incall, dispo, paused and dead, then calls, answered, dropped, drop_pct, calls_handled, aht_sec
-- Formulas:
--   avg_<status>_agents  = agent-seconds in the status during the bucket / bucket_sec
--   peak_<status>_agents = most agents in the status at one instant of the bucket
--   calls, answered, dropped = sum of the deltas of the cumulative counters calls_today, answered,
--                          dropped between consecutive account-wide answers observed in the bucket
--                          (reset at local midnight: the first answer of a day counts its own value)
--   drop_pct             = 100 * sum(dropped) / sum(calls)
--   calls_handled        = finished calls (reporting.agent_call) whose wrap-up ended in the bucket
--   aht_sec              = their average talk + wrap-up seconds (AHT excluding hold)
\if :{?from} \else \warn 'interval_activity.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'interval_activity.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif
\if :{?bucket} \else \set bucket 60 \endif

with

parameters as (
    select
        period.*,
        cast(:'bucket' as integer) as bucket_minutes
    from reporting.report_period(:'from', :'to', :'account') as period
),

-- quarter hours are instants aligned with local quarter hours; each belongs to one bucket
quarter_hours as (
    select
        parameters.account_id,
        parameters.account_name,
        parameters.time_zone,
        quarter.quarter_start,
        quarter.bucket_start
    from parameters
        cross join lateral reporting.period_quarter_hours(parameters.from_at, parameters.to_at, parameters.bucket_minutes,
            parameters.time_zone) as quarter
),

buckets as (
    select
        quarter_hours.account_id,
        quarter_hours.account_name,
        quarter_hours.time_zone,
        quarter_hours.bucket_start,
        900 * count(*) as bucket_sec
    from quarter_hours
    group by
        quarter_hours.account_id,
        quarter_hours.account_name,
        quarter_hours.time_zone,
        quarter_hours.bucket_start
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
),

agents_per_bucket as (
    select
        quarter_hours.account_id,
        quarter_hours.bucket_start,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'logged_in') as logged_in_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'logged_in') as peak_logged_in_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'ready') as ready_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'ready') as peak_ready_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'wait') as wait_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'wait') as peak_wait_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'incall') as incall_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'incall') as peak_incall_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'dispo') as dispo_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'dispo') as peak_dispo_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'paused') as paused_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'paused') as peak_paused_agents,
        sum(agent_quarters.agent_sec) filter (where agent_quarters.status_group = 'dead') as dead_sec,
        max(agent_quarters.peak_agents) filter (where agent_quarters.status_group = 'dead') as peak_dead_agents
    from quarter_hours
        inner join agent_quarters on agent_quarters.account_id = quarter_hours.account_id
            and agent_quarters.quarter_start = quarter_hours.quarter_start
    group by
        quarter_hours.account_id,
        quarter_hours.bucket_start
),

-- the account-wide answers carry the counters of the whole account
account_counters as (
    select
        campaign_counter_delta.account_id,
        campaign_counter_delta.observed_at,
        -- the quarter hour it falls in, so buckets join on equality rather than on a range
        date_bin(interval '15 minutes', campaign_counter_delta.observed_at, timestamptz '2000-01-01 00:00:00+00') as quarter_start,
        campaign_counter_delta.calls_delta,
        campaign_counter_delta.answered_delta,
        campaign_counter_delta.dropped_delta
    from parameters
        -- reporting.campaign_counter_delta for this account and period only (the deltas still reach back before it)
        cross join lateral reporting.campaign_counter_deltas(parameters.account_id, parameters.from_at - interval '15 minutes', parameters.to_at)
            as campaign_counter_delta
    where campaign_counter_delta.scope_kind = 'account'
),

calls_per_bucket as (
    select
        quarter_hours.account_id,
        quarter_hours.bucket_start,
        sum(account_counters.calls_delta) as calls,
        sum(account_counters.answered_delta) as answered,
        sum(account_counters.dropped_delta) as dropped
    from quarter_hours
        inner join account_counters on account_counters.account_id = quarter_hours.account_id
            and account_counters.quarter_start = quarter_hours.quarter_start
    group by
        quarter_hours.account_id,
        quarter_hours.bucket_start
),

-- finished calls in the quarter hour where their wrap-up ended (Genesys' rule)
handled_calls as (
    select
        handled_call.*
    from parameters
        cross join lateral reporting.handled_calls(parameters.account_id, parameters.from_at, parameters.to_at) as handled_call
),

handled_per_bucket as (
    select
        quarter_hours.account_id,
        quarter_hours.bucket_start,
        count(*) as calls_handled,
        round(avg(handled_calls.handle_sec), 1) as aht_sec
    from quarter_hours
        inner join handled_calls on handled_calls.account_id = quarter_hours.account_id
            and handled_calls.quarter_start = quarter_hours.quarter_start
    group by
        quarter_hours.account_id,
        quarter_hours.bucket_start
)

select
    buckets.account_name,
    buckets.bucket_start at time zone buckets.time_zone as bucket_start_local,
    reporting.utc_offset(buckets.bucket_start, buckets.time_zone) as utc_offset,
    buckets.bucket_sec,
    round(coalesce(agents_per_bucket.logged_in_sec, 0) / buckets.bucket_sec, 2) as avg_logged_in_agents,
    coalesce(agents_per_bucket.peak_logged_in_agents, 0) as peak_logged_in_agents,
    round(coalesce(agents_per_bucket.ready_sec, 0) / buckets.bucket_sec, 2) as avg_ready_agents,
    coalesce(agents_per_bucket.peak_ready_agents, 0) as peak_ready_agents,
    round(coalesce(agents_per_bucket.wait_sec, 0) / buckets.bucket_sec, 2) as avg_wait_agents,
    coalesce(agents_per_bucket.peak_wait_agents, 0) as peak_wait_agents,
    round(coalesce(agents_per_bucket.incall_sec, 0) / buckets.bucket_sec, 2) as avg_incall_agents,
    coalesce(agents_per_bucket.peak_incall_agents, 0) as peak_incall_agents,
    round(coalesce(agents_per_bucket.dispo_sec, 0) / buckets.bucket_sec, 2) as avg_dispo_agents,
    coalesce(agents_per_bucket.peak_dispo_agents, 0) as peak_dispo_agents,
    round(coalesce(agents_per_bucket.paused_sec, 0) / buckets.bucket_sec, 2) as avg_paused_agents,
    coalesce(agents_per_bucket.peak_paused_agents, 0) as peak_paused_agents,
    round(coalesce(agents_per_bucket.dead_sec, 0) / buckets.bucket_sec, 2) as avg_dead_agents,
    coalesce(agents_per_bucket.peak_dead_agents, 0) as peak_dead_agents,
    coalesce(calls_per_bucket.calls, 0) as calls,
    coalesce(calls_per_bucket.answered, 0) as answered,
    coalesce(calls_per_bucket.dropped, 0) as dropped,
    round(100.0 * calls_per_bucket.dropped / nullif(calls_per_bucket.calls, 0), 2) as drop_pct,
    coalesce(handled_per_bucket.calls_handled, 0) as calls_handled,
    handled_per_bucket.aht_sec
from buckets
    left join agents_per_bucket on agents_per_bucket.account_id = buckets.account_id
        and agents_per_bucket.bucket_start = buckets.bucket_start
    left join calls_per_bucket on calls_per_bucket.account_id = buckets.account_id
        and calls_per_bucket.bucket_start = buckets.bucket_start
    left join handled_per_bucket on handled_per_bucket.account_id = buckets.account_id
        and handled_per_bucket.bucket_start = buckets.bucket_start
order by
    buckets.account_name,
    buckets.bucket_start;
