-- queue_service: How each queue was served per 15/30/60-minute bucket: calls, answered, dropped, answer %, drop %, peak calls waiting.
--
-- Grain: one row per queue per bucket in [from, to), empty buckets included, for every queue series
--   polled in the period: each queue-scoped answer series (queue_id) and the account-wide answers
--   (queue_id empty, queue_name '(all queues)'). Buckets are local: see interval_activity.
-- Parameters:
--   from, to  local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account   account name; '' (default) = every account, each read in its own time zone
--   bucket    bucket length in minutes: 15, 30 or 60 (default 60)
-- Source: reporting.queue_counter_deltas (the function behind reporting.queue_counter_delta), for the
--   instants around the period only
-- Reading: observed status intervals only (sql-reports/README.md#observed-and-inferred-time); the
--   inferred in-call and wrap-up stretches are in reporting.agent_state_interval_with_inferred
-- Columns:
--   account_name, queue_id, queue_name, bucket_start_local, utc_offset, calls, answered, dropped,
--   answer_pct, drop_pct, peak_calls_waiting, polls, calls_handled, aht_sec
-- Formulas:
--   calls, answered, dropped = sum of the deltas of queue_calls_today, queue_answered, queue_dropped
--                          between consecutive answers of the queue observed in the bucket
--                          (reset at local midnight: the first answer of a day counts its own value)
--   answer_pct           = 100 * sum(answered) / sum(calls)   (Convoso's queue_answered_percent)
--   drop_pct             = 100 * sum(dropped) / sum(calls)    (Convoso's queue_dropped_percent)
--   peak_calls_waiting   = highest calls_waiting_in seen by an answer in the bucket (sampled: a
--                          peak between two polls is not seen)
--   polls                = answers of the queue observed in the bucket
--   calls_handled        = finished calls (reporting.agent_call) of the queue whose wrap-up ended in the
--                          bucket; every queue's for '(all queues)'
--   aht_sec              = their average talk + wrap-up seconds (AHT excluding hold)
\if :{?from} \else \warn 'queue_service.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'queue_service.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif
\if :{?bucket} \else \set bucket 60 \endif

with

parameters as (
    select
        period.*,
        cast(:'bucket' as integer) as bucket_minutes
    from reporting.report_period(:'from', :'to', :'account') as period
),

queue_names as (
    select
        queue_name.account_id,
        queue_name.queue_id,
        queue_name.queue_name
    from reporting.queue_name as queue_name
),

-- instants that hold every account's period with its quarter hour before (UTC offsets in use run from
-- -12:00 to +14:00): bounds known when the query is planned, unlike each account's own, so the planner
-- counts the answers it reads and picks hash joins rather than fetching them one by one
period_bounds as (
    select
        cast(:'from' as timestamp) at time zone 'UTC' - interval '14 hours 15 minutes' as earliest_from_at,
        cast(:'to' as timestamp) at time zone 'UTC' + interval '12 hours' as latest_to_at
),

-- queue-scoped answers and the account-wide ones (all queues); other scopes repeat these counters
queue_counters as (
    select
        queue_counter_delta.account_id,
        queue_counter_delta.queue_id,
        queue_counter_delta.observed_at,
        -- the quarter hour it falls in, so buckets join on equality rather than on a range
        date_bin(interval '15 minutes', queue_counter_delta.observed_at, timestamptz '2000-01-01 00:00:00+00') as quarter_start,
        queue_counter_delta.calls_delta,
        queue_counter_delta.answered_delta,
        queue_counter_delta.dropped_delta,
        queue_counter_delta.calls_waiting_in
    from period_bounds
        cross join parameters
        -- reporting.queue_counter_delta for these instants only (the deltas still reach back before them),
        -- then the account's own period and the quarter hour before it
        cross join lateral reporting.queue_counter_deltas(parameters.account_id,
            period_bounds.earliest_from_at, period_bounds.latest_to_at) as queue_counter_delta
    where queue_counter_delta.scope_kind in ('account', 'queue')
        and queue_counter_delta.observed_at >= parameters.from_at - interval '15 minutes'
        and queue_counter_delta.observed_at < parameters.to_at
),

-- the answers summed per queue and quarter hour before any join: a bucket's figures are sums and maxima
-- of its quarters
queue_quarters as (
    select
        queue_counters.account_id,
        queue_counters.queue_id,
        queue_counters.quarter_start,
        sum(queue_counters.calls_delta) as calls,
        sum(queue_counters.answered_delta) as answered,
        sum(queue_counters.dropped_delta) as dropped,
        max(queue_counters.calls_waiting_in) as peak_calls_waiting,
        count(*) as polls
    from queue_counters
    group by
        queue_counters.account_id,
        queue_counters.queue_id,
        queue_counters.quarter_start
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

queue_series as (
    select distinct
        queue_quarters.account_id,
        queue_quarters.queue_id
    from queue_quarters
),

-- every queue series in every bucket: a row of NULLs per pair, grouped with the answers, so empty
-- buckets are listed too; grouping treats the NULL queue of the account-wide series as one value,
-- which a join could match only with IS NOT DISTINCT FROM, row by row
queue_bucket_rows as (
    select
        quarter_hours.account_id,
        queue_quarters.queue_id,
        quarter_hours.bucket_start,
        queue_quarters.calls,
        queue_quarters.answered,
        queue_quarters.dropped,
        queue_quarters.peak_calls_waiting,
        queue_quarters.polls
    from quarter_hours
        inner join queue_quarters on queue_quarters.account_id = quarter_hours.account_id
            and queue_quarters.quarter_start = quarter_hours.quarter_start
    union all
    select
        buckets.account_id,
        queue_series.queue_id,
        buckets.bucket_start,
        null,
        null,
        null,
        null,
        null
    from buckets
        inner join queue_series on queue_series.account_id = buckets.account_id
),

queue_buckets as (
    select
        queue_bucket_rows.account_id,
        queue_bucket_rows.queue_id,
        queue_bucket_rows.bucket_start,
        cast(sum(queue_bucket_rows.calls) as bigint) as calls,
        cast(sum(queue_bucket_rows.answered) as bigint) as answered,
        cast(sum(queue_bucket_rows.dropped) as bigint) as dropped,
        max(queue_bucket_rows.peak_calls_waiting) as peak_calls_waiting,
        cast(coalesce(sum(queue_bucket_rows.polls), 0) as bigint) as polls
    from queue_bucket_rows
    group by
        queue_bucket_rows.account_id,
        queue_bucket_rows.queue_id,
        queue_bucket_rows.bucket_start
),

-- finished calls in the quarter hour where their wrap-up ended (Genesys' rule)
handled_calls as (
    select
        handled_call.*
    from parameters
        cross join lateral reporting.handled_calls(parameters.account_id, parameters.from_at, parameters.to_at) as handled_call
),

-- each call with a queue in its queue's series and in the all-queues one
handled_buckets as (
    select
        quarter_hours.account_id,
        queue_series.queue_id,
        quarter_hours.bucket_start,
        count(*) as calls_handled,
        round(avg(handled_calls.handle_sec), 1) as aht_sec
    from quarter_hours
        inner join handled_calls on handled_calls.account_id = quarter_hours.account_id
            and handled_calls.quarter_start = quarter_hours.quarter_start
        inner join queue_series on queue_series.account_id = handled_calls.account_id
            and (queue_series.queue_id is null or queue_series.queue_id = handled_calls.queue_id)
    where handled_calls.queue_id is not null
    group by
        quarter_hours.account_id,
        queue_series.queue_id,
        quarter_hours.bucket_start
)

select
    buckets.account_name,
    queue_buckets.queue_id,
    case when queue_buckets.queue_id is null then '(all queues)' else queue_names.queue_name end as queue_name,
    buckets.bucket_start at time zone buckets.time_zone as bucket_start_local,
    reporting.utc_offset(buckets.bucket_start, buckets.time_zone) as utc_offset,
    coalesce(queue_buckets.calls, 0) as calls,
    coalesce(queue_buckets.answered, 0) as answered,
    coalesce(queue_buckets.dropped, 0) as dropped,
    round(100.0 * queue_buckets.answered / nullif(queue_buckets.calls, 0), 2) as answer_pct,
    round(100.0 * queue_buckets.dropped / nullif(queue_buckets.calls, 0), 2) as drop_pct,
    queue_buckets.peak_calls_waiting,
    queue_buckets.polls,
    coalesce(handled_buckets.calls_handled, 0) as calls_handled,
    handled_buckets.aht_sec
from queue_buckets
    inner join buckets on buckets.account_id = queue_buckets.account_id
        and buckets.bucket_start = queue_buckets.bucket_start
    left join handled_buckets on handled_buckets.account_id = queue_buckets.account_id
        and handled_buckets.queue_id is not distinct from queue_buckets.queue_id
        and handled_buckets.bucket_start = queue_buckets.bucket_start
    left join queue_names on queue_names.account_id = queue_buckets.account_id
        and queue_names.queue_id = queue_buckets.queue_id
order by
    buckets.account_name,
    queue_buckets.queue_id nulls first,
    buckets.bucket_start;
