-- pause_analysis: Each agent's pauses: how many, total, average and longest, and how many ran over a threshold.
--
-- Grain: one row per agent with any status that began in [from, to) (agents without a pause show 0).
--   A pause belongs to the period it began in and counts whole, even when it ends after to.
-- Parameters:
--   from, to        local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account         account name; '' (default) = every account, each read in its own time zone
--   pause_over_sec  a pause longer than this many seconds counts as over (default 900 = 15 minutes)
-- Source: warehouse.agent_state_interval, read with the two rules of reporting.agent_state_interval it
--   needs (an open interval counts until the account's latest snapshot; the status family of
--   reporting.status_group): through the view, with its account and label joins and the latest
--   snapshot looked up per open interval, a week took 0.6-0.8 s instead of 0.4 s (same output)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, user_id, user_full_name, pauses, paused_sec, avg_pause_sec, longest_pause_sec,
--   pauses_over_threshold, paused_over_threshold_sec, logged_in_sec, paused_pct
-- Formulas:
--   pauses                    = PAUSED intervals that began in the period
--   paused_sec                = sum of their durations; avg_pause_sec = paused_sec / pauses
--   pauses_over_threshold     = pauses longer than pause_over_sec
--   paused_over_threshold_sec = sum of (duration - pause_over_sec) over those pauses: the excess
--   logged_in_sec             = sum of the durations of all intervals that began in the period
--   paused_pct                = 100 * paused_sec / logged_in_sec
--   An open pause counts up to the last snapshot that showed it; a pause shorter than the poll
--   interval that began and ended between two polls is never seen.
\if :{?from} \else \warn 'pause_analysis.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'pause_analysis.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif
\if :{?pause_over_sec} \else \set pause_over_sec 900 \endif

with

-- materialized: each account's bounds are then values the interval scan compares with, not an
-- expression of the account's time zone evaluated for every interval
parameters as materialized (
    select
        period.account_id,
        period.from_at,
        period.to_at,
        latest_snapshot.observed_at as latest_snapshot_at,
        make_interval(secs => cast(:'pause_over_sec' as integer)) as pause_over
    from reporting.report_period(:'from', :'to', :'account') as period
        left join reporting.latest_snapshot as latest_snapshot on latest_snapshot.account_id = period.account_id
),

-- instants that hold every account's period (UTC offsets in use run from -12:00 to +14:00): bounds
-- known when the query is planned, unlike each account's own, so the planner counts the intervals it
-- reads and fetches them page by page (a bitmap scan) rather than one by one
period_bounds as (
    select
        cast(:'from' as timestamp) at time zone 'UTC' - interval '14 hours' as earliest_from_at,
        cast(:'to' as timestamp) at time zone 'UTC' + interval '12 hours' as latest_to_at
),

-- the statuses of the paused family, named once per status rather than once per interval
pause_statuses as (
    select
        label.label_id
    from warehouse.label as label
    where reporting.status_group(label.value) = 'paused'
),

-- the intervals that began in the period, with their counted duration as an interval: summed and
-- compared as intervals, converted to seconds once per agent (the same exact values as summing
-- seconds, without a numeric per interval)
intervals as (
    select
        agent_state_interval.account_id,
        agent_state_interval.user_id,
        pause_statuses.label_id is not null as is_pause,
        coalesce(agent_state_interval.ended_at,
            greatest(parameters.latest_snapshot_at, agent_state_interval.started_at))
            - agent_state_interval.started_at as duration,
        parameters.pause_over
    from period_bounds
        cross join warehouse.agent_state_interval as agent_state_interval
        inner join parameters on parameters.account_id = agent_state_interval.account_id
        left join pause_statuses on pause_statuses.label_id = agent_state_interval.status_ref
    where agent_state_interval.started_at >= period_bounds.earliest_from_at
        and agent_state_interval.started_at < period_bounds.latest_to_at
        and agent_state_interval.started_at >= parameters.from_at
        and agent_state_interval.started_at < parameters.to_at
),

-- per agent by id; names are joined to the resulting rows rather than carried through every interval
agent_pause_sums as (
    select
        intervals.account_id,
        intervals.user_id,
        count(*) filter (where intervals.is_pause) as pauses,
        coalesce(extract(epoch from sum(intervals.duration) filter (where intervals.is_pause)), 0) as paused_sec,
        extract(epoch from max(intervals.duration) filter (where intervals.is_pause)) as longest_pause_sec,
        count(*) filter (where intervals.is_pause and intervals.duration > intervals.pause_over) as pauses_over_threshold,
        coalesce(extract(epoch from sum(intervals.duration - intervals.pause_over)
            filter (where intervals.is_pause and intervals.duration > intervals.pause_over)), 0) as paused_over_threshold_sec,
        extract(epoch from sum(intervals.duration)) as logged_in_sec
    from intervals
    group by
        intervals.account_id,
        intervals.user_id
),

-- the name seen last, as reporting.agent_state_interval shows it
agent_names as (
    select distinct on (agent.account_id, agent.user_id)
        agent.account_id,
        agent.user_id,
        agent.user_full_name
    from warehouse.agent as agent
    order by agent.account_id, agent.user_id, agent.last_seen_at desc
),

agent_pauses as (
    select
        account.account_name,
        agent_pause_sums.user_id,
        agent_names.user_full_name,
        agent_pause_sums.pauses,
        agent_pause_sums.paused_sec,
        agent_pause_sums.longest_pause_sec,
        agent_pause_sums.pauses_over_threshold,
        agent_pause_sums.paused_over_threshold_sec,
        agent_pause_sums.logged_in_sec
    from agent_pause_sums
        inner join reporting.account as account on account.account_id = agent_pause_sums.account_id
        left join agent_names on agent_names.account_id = agent_pause_sums.account_id
            and agent_names.user_id = agent_pause_sums.user_id
)

select
    agent_pauses.account_name,
    agent_pauses.user_id,
    agent_pauses.user_full_name,
    agent_pauses.pauses,
    round(agent_pauses.paused_sec)::bigint as paused_sec,
    round(agent_pauses.paused_sec / nullif(agent_pauses.pauses, 0))::bigint as avg_pause_sec,
    round(agent_pauses.longest_pause_sec)::bigint as longest_pause_sec,
    agent_pauses.pauses_over_threshold,
    round(agent_pauses.paused_over_threshold_sec)::bigint as paused_over_threshold_sec,
    round(agent_pauses.logged_in_sec)::bigint as logged_in_sec,
    round(100.0 * agent_pauses.paused_sec / nullif(agent_pauses.logged_in_sec, 0), 1) as paused_pct
from agent_pauses
order by
    agent_pauses.account_name,
    agent_pauses.user_id;
