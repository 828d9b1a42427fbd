-- reporting.campaign_counter_delta: each answer's campaign counters next to the previous answer of the
-- same scope, and the calls that happened in between. Convoso's counters are cumulative per day and
-- reset at the account's local midnight, so the delta is: the new value when the local day changed
-- or the counter went down (a reset), else new - previous. Calls between the last answer before
-- midnight and midnight itself cannot be seen and are lost; the first answer ever has no delta.
-- The logic is a function so that reports read only the answers of their period (plus the one
-- previous answer per series a delta needs); the view is the function over all time, for BI tools.
create or replace function reporting.campaign_counter_deltas(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id              smallint,
    account_name            text,
    time_zone               text,
    snapshot_id             bigint,
    scope_kind              text,
    scope_id                text,
    campaign_id             bigint,
    observed_at             timestamptz,
    observed_local          timestamp,
    observed_local_date     date,
    previous_observed_at    timestamptz,
    seconds_since_previous  numeric,
    is_new_day              boolean,
    calls_today             integer,
    answered                integer,
    dropped                 integer,
    manual_calls_today      integer,
    calls_delta             integer,
    answered_delta          integer,
    dropped_delta           integer,
    manual_calls_delta      integer,
    dialable_leads          bigint,
    hopper                  integer,
    calls_waiting_in        integer,
    calls_waiting_out       integer,
    agent_total             integer,
    agent_ready             integer,
    agent_incall            integer,
    agent_paused            integer,
    agent_dispo             integer,
    agent_dead              integer
)
language plpgsql
stable
as $$
#variable_conflict use_column
begin
return query
with

snapshots as (
    select
        snapshot.account_id,
        snapshot.snapshot_id,
        snapshot.scope_kind,
        snapshot.scope_id,
        snapshot.received_at
    from warehouse.snapshot as snapshot
),

-- the series polled in the period, and for each the last answer before p_from: the delta of the
-- period's first answer needs it
period_series as (
    select distinct
        campaign_stats.account_id,
        snapshots.scope_kind,
        snapshots.scope_id
    from warehouse.campaign_stats as campaign_stats
        -- the table rather than the snapshots CTE, which a second reference would materialize whole
        inner join warehouse.snapshot as snapshots on snapshots.account_id = campaign_stats.account_id
            and snapshots.snapshot_id = campaign_stats.snapshot_id
    where (p_account_id is null or campaign_stats.account_id = p_account_id)
        and campaign_stats.observed_at >= p_from
        and campaign_stats.observed_at < p_to
),

look_back as (
    select
        min(previous_answer.observed_at) as look_back_from
    from period_series
        cross join lateral (
            select campaign_stats.observed_at
            from warehouse.campaign_stats as campaign_stats
                inner join warehouse.snapshot as snapshot on snapshot.account_id = campaign_stats.account_id
                    and snapshot.snapshot_id = campaign_stats.snapshot_id
            where campaign_stats.account_id = period_series.account_id
                and campaign_stats.observed_at < p_from
                and snapshot.scope_kind = period_series.scope_kind
                and snapshot.scope_id = period_series.scope_id
            order by campaign_stats.observed_at desc
            limit 1
        ) as previous_answer
),

-- the period's answers and everything since the earliest look-back answer: every series then
-- holds its previous answer, so lag() gives the same values as over all history
campaign_stats as (
    select
        campaign_stats.snapshot_id,
        campaign_stats.observed_at,
        campaign_stats.account_id,
        campaign_stats.campaign_id,
        campaign_stats.calls_today,
        campaign_stats.answered,
        campaign_stats.dropped,
        campaign_stats.manual_calls_today,
        campaign_stats.dialable_leads,
        campaign_stats.hopper,
        campaign_stats.calls_waiting_in,
        campaign_stats.calls_waiting_out,
        campaign_stats.agent_total,
        campaign_stats.agent_ready,
        campaign_stats.agent_incall,
        campaign_stats.agent_paused,
        campaign_stats.agent_dispo,
        campaign_stats.agent_dead
    from warehouse.campaign_stats as campaign_stats
        cross join look_back
    where (p_account_id is null or campaign_stats.account_id = p_account_id)
        and campaign_stats.observed_at >= coalesce(look_back.look_back_from, p_from)
        and campaign_stats.observed_at < p_to
),

-- one series per scope that was polled: the account-wide answer and each campaign's own answer
-- (queue-scoped answers carry campaign counters too; they form series of their own)
series as (
    select
        campaign_stats.*,
        snapshots.scope_kind,
        snapshots.scope_id,
        account.account_name,
        account.time_zone,
        (campaign_stats.observed_at at time zone account.time_zone)::date as observed_local_date,
        lag(campaign_stats.observed_at) over scope_series as previous_observed_at,
        reporting.is_new_local_day(lag(campaign_stats.observed_at) over scope_series, campaign_stats.observed_at, account.time_zone)
            as is_new_day,
        lag(campaign_stats.calls_today) over scope_series as previous_calls_today,
        lag(campaign_stats.answered) over scope_series as previous_answered,
        lag(campaign_stats.dropped) over scope_series as previous_dropped,
        lag(campaign_stats.manual_calls_today) over scope_series as previous_manual_calls_today
    from campaign_stats
        inner join snapshots on snapshots.account_id = campaign_stats.account_id
            and snapshots.snapshot_id = campaign_stats.snapshot_id
        -- the rows are of p_account_id already: the account only adds its name and zone
        inner join warehouse.account as account on account.account_id = campaign_stats.account_id
    window scope_series as (
        partition by campaign_stats.account_id, snapshots.scope_kind, snapshots.scope_id
        order by campaign_stats.observed_at, snapshots.received_at)
)

select
    series.account_id,
    series.account_name,
    series.time_zone,
    series.snapshot_id,
    series.scope_kind,
    series.scope_id,
    series.campaign_id,
    series.observed_at,
    series.observed_at at time zone series.time_zone as observed_local,
    series.observed_local_date,
    series.previous_observed_at,
    extract(epoch from series.observed_at - series.previous_observed_at) as seconds_since_previous,
    series.is_new_day,
    series.calls_today,
    series.answered,
    series.dropped,
    series.manual_calls_today,
    reporting.counter_delta(series.calls_today, series.previous_calls_today, series.is_new_day) as calls_delta,
    reporting.counter_delta(series.answered, series.previous_answered, series.is_new_day) as answered_delta,
    reporting.counter_delta(series.dropped, series.previous_dropped, series.is_new_day) as dropped_delta,
    reporting.counter_delta(series.manual_calls_today, series.previous_manual_calls_today, series.is_new_day) as manual_calls_delta,
    series.dialable_leads,
    series.hopper,
    series.calls_waiting_in,
    series.calls_waiting_out,
    series.agent_total,
    series.agent_ready,
    series.agent_incall,
    series.agent_paused,
    series.agent_dispo,
    series.agent_dead
from series
where series.observed_at >= p_from;
end
$$;
comment on function reporting.campaign_counter_deltas(smallint, timestamptz, timestamptz) is 'Rows of reporting.campaign_counter_delta for one account (NULL = all) observed in [p_from, p_to), deltas taken from the previous answer even when it is before p_from.';

create or replace view reporting.campaign_counter_delta as
select * from reporting.campaign_counter_deltas(null, '-infinity', 'infinity');


-- The columns every counter-delta view shares, described once: reporting.queue_counter_delta calls it too.
create or replace function reporting.comment_counter_delta_columns(p_view regclass)
returns void
language plpgsql
as $$
begin
    execute format('comment on column %s.account_id is %L', p_view, 'The account (warehouse.account).');
    execute format('comment on column %s.account_name is %L', p_view, 'The account''s configured name.');
    execute format('comment on column %s.time_zone is %L', p_view, 'The account''s IANA time zone; *_local columns are in it.');
    execute format('comment on column %s.snapshot_id is %L', p_view, 'The answer (warehouse.snapshot).');
    execute format('comment on column %s.scope_id is %L', p_view, 'The filter value; empty for the account scope.');
    execute format('comment on column %s.observed_at is %L', p_view, 'When the answer was observed.');
    execute format('comment on column %s.observed_local is %L', p_view, 'observed_at in the account''s local time.');
    execute format('comment on column %s.observed_local_date is %L', p_view, 'Local date of observed_at: the counters'' day.');
    execute format('comment on column %s.previous_observed_at is %L', p_view, 'The previous answer of the same scope; NULL for the first.');
    execute format('comment on column %s.seconds_since_previous is %L', p_view, 'Seconds since the previous answer of the same scope: the span the deltas cover.');
    execute format('comment on column %s.is_new_day is %L', p_view, 'True when the previous answer was on an earlier local day: the counters were reset at midnight in between.');
end
$$;
comment on function reporting.comment_counter_delta_columns(regclass) is 'Sets the comments of the columns a counter-delta view shares with the others (account_id ... is_new_day).';

comment on view reporting.campaign_counter_delta is 'One row per answer''s campaign counters, with the calls since the previous answer of the same scope (daily reset at local midnight detected).';
select reporting.comment_counter_delta_columns('reporting.campaign_counter_delta');
comment on column reporting.campaign_counter_delta.scope_kind is 'What the call was filtered by: account (whole account), campaign, queue...';
comment on column reporting.campaign_counter_delta.campaign_id is 'The campaign of a campaign-scoped answer; NULL = the whole account.';
comment on column reporting.campaign_counter_delta.calls_today is 'calls_today as sent: cumulative since local midnight.';
comment on column reporting.campaign_counter_delta.answered is 'answered as sent: cumulative since local midnight.';
comment on column reporting.campaign_counter_delta.dropped is 'dropped as sent: cumulative since local midnight.';
comment on column reporting.campaign_counter_delta.manual_calls_today is 'manual_calls_today as sent: cumulative since local midnight.';
comment on column reporting.campaign_counter_delta.calls_delta is 'Calls since the previous answer: calls_today - previous, or calls_today after a reset (new day or a decrease); NULL for the first answer.';
comment on column reporting.campaign_counter_delta.answered_delta is 'Answered calls since the previous answer (same rule as calls_delta).';
comment on column reporting.campaign_counter_delta.dropped_delta is 'Dropped calls since the previous answer (same rule as calls_delta).';
comment on column reporting.campaign_counter_delta.manual_calls_delta is 'Manual calls since the previous answer (same rule as calls_delta).';
comment on column reporting.campaign_counter_delta.dialable_leads is 'Dialable leads at observed_at (a level, not a counter).';
comment on column reporting.campaign_counter_delta.hopper is 'Leads in the hopper at observed_at (a level).';
comment on column reporting.campaign_counter_delta.calls_waiting_in is 'Inbound calls waiting at observed_at (a level).';
comment on column reporting.campaign_counter_delta.calls_waiting_out is 'Outbound calls waiting at observed_at (a level).';
comment on column reporting.campaign_counter_delta.agent_total is 'Agents counted by the API at observed_at.';
comment on column reporting.campaign_counter_delta.agent_ready is 'Agents ready at observed_at, as counted by the API.';
comment on column reporting.campaign_counter_delta.agent_incall is 'Agents in a call at observed_at, as counted by the API.';
comment on column reporting.campaign_counter_delta.agent_paused is 'Agents paused at observed_at, as counted by the API.';
comment on column reporting.campaign_counter_delta.agent_dispo is 'Agents in disposition at observed_at, as counted by the API.';
comment on column reporting.campaign_counter_delta.agent_dead is 'Agents in dead state at observed_at, as counted by the API.';
