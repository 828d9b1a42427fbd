-- reporting.queue_counter_delta: each answer's queue counters next to the previous answer of the same
-- scope, with the same daily-reset rule as reporting.campaign_counter_delta, and the inbound calls
-- waiting that the same answer reported.
-- The logic is a function so that reports read only the answers of their period (plus the one
-- previous answer per series a delta needs); the view is the function over all time, for BI tools.
create or replace function reporting.queue_counter_deltas(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id              smallint,
    account_name            text,
    time_zone               text,
    snapshot_id             bigint,
    scope_kind              text,
    scope_id                text,
    queue_id                bigint,
    observed_at             timestamptz,
    observed_local          timestamp,
    observed_local_date     date,
    previous_observed_at    timestamptz,
    seconds_since_previous  numeric,
    is_new_day              boolean,
    queue_calls_today       integer,
    queue_answered          integer,
    queue_dropped           integer,
    calls_delta             integer,
    answered_delta          integer,
    dropped_delta           integer,
    queue_dialable_leads    bigint,
    calls_waiting_in        integer
)
language plpgsql
stable
as $$
#variable_conflict use_column
begin
return query
with

-- the scopes polled in the period, numbered: lag() then sorts its rows on one integer rather than on
-- the scope's text, three times faster. Listed from the snapshots, whose statistics give the planner
-- a fair count, and numbered in a fixed order, as both readers below evaluate this list
scope_numbers as not materialized (
    select
        scopes.account_id,
        scopes.scope_kind,
        scopes.scope_id,
        row_number() over (order by scopes.account_id, scopes.scope_kind, scopes.scope_id) as series_no
    from (
        select distinct
            snapshot.account_id,
            snapshot.scope_kind,
            snapshot.scope_id
        from warehouse.snapshot as snapshot
        where (p_account_id is null or snapshot.account_id = p_account_id)
            and snapshot.observed_at >= p_from
            and snapshot.observed_at < p_to
    ) as scopes
),

-- the period's answers with their series, and the inbound calls waiting that the same answer reported
-- (a campaign-block field); a fact row carries its answer's account and observed_at, so every table is
-- read for the period only. Materialized: read twice below
period_answers as materialized (
    select
        answer.snapshot_id,
        answer.observed_at,
        answer.account_id,
        answer.queue_id,
        answer.queue_calls_today,
        answer.queue_answered,
        answer.queue_dropped,
        answer.queue_dialable_leads,
        answer.scope_kind,
        answer.scope_id,
        answer.received_at,
        scope_numbers.series_no,
        answer.calls_waiting_in
    from (
        select
            queue_stats.snapshot_id,
            queue_stats.observed_at,
            queue_stats.account_id,
            queue_stats.queue_id,
            queue_stats.queue_calls_today,
            queue_stats.queue_answered,
            queue_stats.queue_dropped,
            queue_stats.queue_dialable_leads,
            snapshot.scope_kind,
            snapshot.scope_id,
            snapshot.received_at,
            campaign_stats.calls_waiting_in
        from warehouse.queue_stats as queue_stats
            inner join warehouse.snapshot as snapshot on snapshot.account_id = queue_stats.account_id
                and snapshot.snapshot_id = queue_stats.snapshot_id
            left join warehouse.campaign_stats as campaign_stats on campaign_stats.account_id = queue_stats.account_id
                and campaign_stats.snapshot_id = queue_stats.snapshot_id
                and campaign_stats.observed_at = queue_stats.observed_at
                and (p_account_id is null or campaign_stats.account_id = p_account_id)
                and campaign_stats.observed_at >= p_from
                and campaign_stats.observed_at < p_to
        where (p_account_id is null or queue_stats.account_id = p_account_id)
            and queue_stats.observed_at >= p_from
            and queue_stats.observed_at < p_to
            and (p_account_id is null or snapshot.account_id = p_account_id)
            and snapshot.observed_at >= p_from
            and snapshot.observed_at < p_to
        -- numbered only after these joins (offset 0 keeps them apart): the planner cannot count the
        -- matches of the three-column join, and starting from it would fetch the counters one by one
        offset 0
    ) as answer
        inner join scope_numbers on scope_numbers.account_id = answer.account_id
            and scope_numbers.scope_kind = answer.scope_kind
            and scope_numbers.scope_id = answer.scope_id
),

-- the series: the scopes that sent queue counters in the period, read from the tables by account (not from the
-- numbered lists above, which span accounts), so that Citus runs the look-back below inside each account's shard
period_series as (
    select distinct
        queue_stats.account_id,
        snapshot.scope_kind,
        snapshot.scope_id
    from warehouse.queue_stats as queue_stats
        inner join warehouse.snapshot as snapshot on snapshot.account_id = queue_stats.account_id
            and snapshot.snapshot_id = queue_stats.snapshot_id
    where (p_account_id is null or queue_stats.account_id = p_account_id)
        and queue_stats.observed_at >= p_from
        and queue_stats.observed_at < p_to
        and (p_account_id is null or snapshot.account_id = p_account_id)
        and snapshot.observed_at >= p_from
        and snapshot.observed_at < p_to
),

-- each series' last answer before the period: the delta of its first answer in the period needs it
previous_answers as (
    select
        previous_answer.snapshot_id,
        previous_answer.observed_at,
        previous_answer.account_id,
        previous_answer.queue_id,
        previous_answer.queue_calls_today,
        previous_answer.queue_answered,
        previous_answer.queue_dropped,
        previous_answer.queue_dialable_leads,
        previous_answer.scope_kind,
        previous_answer.scope_id,
        previous_answer.received_at,
        scope_numbers.series_no,
        -- only the period's calls waiting are reported
        cast(null as integer) as calls_waiting_in
    from period_series
        cross join lateral (
            select
                queue_stats.snapshot_id,
                queue_stats.observed_at,
                queue_stats.account_id,
                queue_stats.queue_id,
                queue_stats.queue_calls_today,
                queue_stats.queue_answered,
                queue_stats.queue_dropped,
                queue_stats.queue_dialable_leads,
                snapshot.scope_kind,
                snapshot.scope_id,
                snapshot.received_at
            from warehouse.queue_stats as queue_stats
                inner join warehouse.snapshot as snapshot on snapshot.account_id = queue_stats.account_id
                    and snapshot.snapshot_id = queue_stats.snapshot_id
            where queue_stats.account_id = period_series.account_id
                and queue_stats.observed_at < p_from
                and snapshot.scope_kind = period_series.scope_kind
                and snapshot.scope_id = period_series.scope_id
            order by queue_stats.observed_at desc, snapshot.received_at desc
            limit 1
        ) as previous_answer
        inner join scope_numbers on scope_numbers.account_id = period_series.account_id
            and scope_numbers.scope_kind = period_series.scope_kind
            and scope_numbers.scope_id = period_series.scope_id
),

-- every series then holds its previous answer, so lag() gives the same values as over all history
answers as (
    select * from period_answers
    union all
    select * from previous_answers
),

series as (
    select
        answers.*,
        account.account_name,
        account.time_zone,
        (answers.observed_at at time zone account.time_zone)::date as observed_local_date,
        lag(answers.observed_at) over scope_series as previous_observed_at,
        reporting.is_new_local_day(lag(answers.observed_at) over scope_series, answers.observed_at, account.time_zone)
            as is_new_day,
        lag(answers.queue_calls_today) over scope_series as previous_queue_calls_today,
        lag(answers.queue_answered) over scope_series as previous_queue_answered,
        lag(answers.queue_dropped) over scope_series as previous_queue_dropped
    from answers
        -- the rows are of p_account_id already: the account only adds its name and zone
        inner join warehouse.account as account on account.account_id = answers.account_id
    window scope_series as (
        partition by answers.series_no
        order by answers.observed_at, answers.received_at)
)

select
    series.account_id,
    series.account_name,
    series.time_zone,
    series.snapshot_id,
    series.scope_kind,
    series.scope_id,
    series.queue_id,
    series.observed_at,
    series.observed_at at time zone series.time_zone as observed_local,
    series.observed_local_date,
    series.previous_observed_at,
    extract(epoch from series.observed_at - series.previous_observed_at) as seconds_since_previous,
    series.is_new_day,
    series.queue_calls_today,
    series.queue_answered,
    series.queue_dropped,
    reporting.counter_delta(series.queue_calls_today, series.previous_queue_calls_today, series.is_new_day) as calls_delta,
    reporting.counter_delta(series.queue_answered, series.previous_queue_answered, series.is_new_day) as answered_delta,
    reporting.counter_delta(series.queue_dropped, series.previous_queue_dropped, series.is_new_day) as dropped_delta,
    series.queue_dialable_leads,
    series.calls_waiting_in
from series
where series.observed_at >= p_from;
end
$$;
comment on function reporting.queue_counter_deltas(smallint, timestamptz, timestamptz) is 'Rows of reporting.queue_counter_delta for one account (NULL = all) observed in [p_from, p_to), deltas taken from the previous answer even when it is before p_from.';

create or replace view reporting.queue_counter_delta as
select * from reporting.queue_counter_deltas(null, '-infinity', 'infinity');


comment on view reporting.queue_counter_delta is 'One row per answer''s queue counters, with the calls since the previous answer of the same scope (daily reset at local midnight detected).';
select reporting.comment_counter_delta_columns('reporting.queue_counter_delta');
comment on column reporting.queue_counter_delta.scope_kind is 'What the call was filtered by: account (all queues), queue, campaign...';
comment on column reporting.queue_counter_delta.queue_id is 'The queue of a queue-scoped answer; NULL = all queues of the account.';
comment on column reporting.queue_counter_delta.queue_calls_today is 'queue_calls_today as sent: cumulative since local midnight.';
comment on column reporting.queue_counter_delta.queue_answered is 'queue_answered as sent: cumulative since local midnight.';
comment on column reporting.queue_counter_delta.queue_dropped is 'queue_dropped as sent: cumulative since local midnight.';
comment on column reporting.queue_counter_delta.calls_delta is 'Queue calls since the previous answer: queue_calls_today - previous, or queue_calls_today after a reset (new day or a decrease); NULL for the first answer.';
comment on column reporting.queue_counter_delta.answered_delta is 'Answered queue calls since the previous answer (same rule).';
comment on column reporting.queue_counter_delta.dropped_delta is 'Dropped queue calls since the previous answer (same rule).';
comment on column reporting.queue_counter_delta.queue_dialable_leads is 'Dialable leads in the queue at observed_at (a level).';
comment on column reporting.queue_counter_delta.calls_waiting_in is 'Inbound calls waiting at observed_at, from the same answer (a level).';
