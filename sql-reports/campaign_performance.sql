-- campaign_performance: Each campaign per hour or day: calls, answered, dropped %, dialable leads, hopper.
--
-- Grain: one row per campaign per bucket in [from, to), empty buckets included, for every campaign
--   series polled in the period: each campaign-scoped answer series (campaign_id) and the
--   account-wide answers (campaign_id empty, campaign_name '(account)'). Buckets are local.
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
--   bucket    bucket length in minutes: 15, 30, 60 (default: an hour) or 1440 (a local day)
-- Source: reporting.campaign_counter_deltas (the function behind reporting.campaign_counter_delta, for the period only)
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, campaign_id, campaign_name, bucket_start_local, utc_offset, calls, answered,
--   dropped, answer_pct, drop_pct, dropped_of_answered_pct, dialable_leads, hopper, min_hopper, polls,
--   calls_handled, aht_sec
-- Formulas:
--   calls, answered, dropped = sum of the deltas of calls_today, answered, dropped between
--                          consecutive answers of the campaign observed in the bucket
--                          (reset at local midnight: the first answer of a day counts its own value)
--   answer_pct           = 100 * sum(answered) / sum(calls)
--   drop_pct             = 100 * sum(dropped) / sum(calls)   (Convoso's dropped_percent)
--   dropped_of_answered_pct = 100 * sum(dropped) / sum(answered)   (the regulators' abandonment
--                          rate is dropped / live-answered calls; see README for the caveat)
--   dialable_leads, hopper = the level at the last answer of the bucket; min_hopper = lowest level seen
--   polls                = answers of the campaign observed in the bucket
--   calls_handled        = finished calls (reporting.agent_call) of the campaign whose wrap-up ended in
--                          the bucket; every campaign's for '(account)'
--   aht_sec              = their average talk + wrap-up seconds (AHT excluding hold)
\if :{?from} \else \warn 'campaign_performance.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'campaign_performance.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif
\if :{?bucket} \else \set bucket 60 \endif

with

parameters as (
    select
        period.*,
        cast(:'bucket' as integer) as bucket_minutes
    from reporting.report_period(:'from', :'to', :'account') as period
),

campaign_names as (
    select
        campaign_name.account_id,
        campaign_name.campaign_id,
        campaign_name.campaign_name
    from reporting.campaign_name as campaign_name
),

-- campaign-scoped answers and the account-wide ones; queue-scoped answers repeat account counters
campaign_counters as (
    select
        campaign_counter_delta.account_id,
        campaign_counter_delta.campaign_id,
        campaign_counter_delta.observed_at,
        -- the quarter hour it falls in, so buckets join on equality rather than on a range
        date_bin(interval '15 minutes', campaign_counter_delta.observed_at, timestamptz '2000-01-01 00:00:00+00') as quarter_start,
        campaign_counter_delta.calls_delta,
        campaign_counter_delta.answered_delta,
        campaign_counter_delta.dropped_delta,
        campaign_counter_delta.dialable_leads,
        campaign_counter_delta.hopper
    from parameters
        -- reporting.campaign_counter_delta for this account and period only (the deltas still reach back before it)
        cross join lateral reporting.campaign_counter_deltas(parameters.account_id, parameters.from_at - interval '15 minutes', parameters.to_at)
            as campaign_counter_delta
    where campaign_counter_delta.scope_kind in ('account', 'campaign')
),

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
    select distinct
        quarter_hours.account_id,
        quarter_hours.account_name,
        quarter_hours.time_zone,
        quarter_hours.bucket_start
    from quarter_hours
),

campaign_series as (
    select distinct
        campaign_counters.account_id,
        campaign_counters.campaign_id
    from campaign_counters
),

campaign_buckets as (
    select
        quarter_hours.account_id,
        campaign_counters.campaign_id,
        quarter_hours.bucket_start,
        sum(campaign_counters.calls_delta) as calls,
        sum(campaign_counters.answered_delta) as answered,
        sum(campaign_counters.dropped_delta) as dropped,
        (array_agg(campaign_counters.dialable_leads order by campaign_counters.observed_at desc))[1] as dialable_leads,
        (array_agg(campaign_counters.hopper order by campaign_counters.observed_at desc))[1] as hopper,
        min(campaign_counters.hopper) as min_hopper,
        count(*) as polls
    from quarter_hours
        inner join campaign_counters on campaign_counters.account_id = quarter_hours.account_id
            and campaign_counters.quarter_start = quarter_hours.quarter_start
    group by
        quarter_hours.account_id,
        campaign_counters.campaign_id,
        quarter_hours.bucket_start
),

-- finished calls in the quarter hour where their wrap-up ended (Genesys' rule)
handled_calls as (
    select
        handled_call.*
    from parameters
        cross join lateral reporting.handled_calls(parameters.account_id, parameters.from_at, parameters.to_at) as handled_call
),

-- each call in its campaign's series and in the account-wide one
handled_buckets as (
    select
        quarter_hours.account_id,
        campaign_series.campaign_id,
        quarter_hours.bucket_start,
        count(*) as calls_handled,
        round(avg(handled_calls.handle_sec), 1) as aht_sec
    from quarter_hours
        inner join handled_calls on handled_calls.account_id = quarter_hours.account_id
            and handled_calls.quarter_start = quarter_hours.quarter_start
        inner join campaign_series on campaign_series.account_id = handled_calls.account_id
            and (campaign_series.campaign_id is null or campaign_series.campaign_id = handled_calls.campaign_id)
    group by
        quarter_hours.account_id,
        campaign_series.campaign_id,
        quarter_hours.bucket_start
)

select
    buckets.account_name,
    campaign_series.campaign_id,
    case when campaign_series.campaign_id is null then '(account)' else campaign_names.campaign_name end as campaign_name,
    buckets.bucket_start at time zone buckets.time_zone as bucket_start_local,
    reporting.utc_offset(buckets.bucket_start, buckets.time_zone) as utc_offset,
    coalesce(campaign_buckets.calls, 0) as calls,
    coalesce(campaign_buckets.answered, 0) as answered,
    coalesce(campaign_buckets.dropped, 0) as dropped,
    round(100.0 * campaign_buckets.answered / nullif(campaign_buckets.calls, 0), 2) as answer_pct,
    round(100.0 * campaign_buckets.dropped / nullif(campaign_buckets.calls, 0), 2) as drop_pct,
    round(100.0 * campaign_buckets.dropped / nullif(campaign_buckets.answered, 0), 2) as dropped_of_answered_pct,
    campaign_buckets.dialable_leads,
    campaign_buckets.hopper,
    campaign_buckets.min_hopper,
    coalesce(campaign_buckets.polls, 0) as polls,
    coalesce(handled_buckets.calls_handled, 0) as calls_handled,
    handled_buckets.aht_sec
from buckets
    inner join campaign_series on campaign_series.account_id = buckets.account_id
    left join campaign_buckets on campaign_buckets.account_id = buckets.account_id
        and campaign_buckets.campaign_id is not distinct from campaign_series.campaign_id
        and campaign_buckets.bucket_start = buckets.bucket_start
    left join handled_buckets on handled_buckets.account_id = buckets.account_id
        and handled_buckets.campaign_id is not distinct from campaign_series.campaign_id
        and handled_buckets.bucket_start = buckets.bucket_start
    left join campaign_names on campaign_names.account_id = campaign_series.account_id
        and campaign_names.campaign_id = campaign_series.campaign_id
order by
    buckets.account_name,
    campaign_series.campaign_id nulls first,
    buckets.bucket_start;
