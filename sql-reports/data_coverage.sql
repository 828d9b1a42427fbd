-- data_coverage: How complete the data is per local day: polls made and failed, polling gaps, stale agents, clock skew.
--
-- Grain: one row per account per local day in [from, to), days without any poll included.
-- Parameters:
--   from, to    local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account     account name; '' (default) = every account, each read in its own time zone
--   gap_sec     a spacing between consecutive loaded account-wide answers longer than this is a
--               gap (default 120: two missed one-minute polls)
--   stale_sec   an agent whose since_last_update exceeds this is stale (default 300)
--   skew_sec    a poll whose |clock_skew_sec| exceeds this is skewed (default 300)
-- Sources: reporting.poll (read for the period through the function reporting.polls), reporting.agent_snapshot
-- Columns:
--   account_name, local_date, polls_made, polls_loaded, polls_failed, failed_pct,
--   account_polls_loaded, gaps, gap_sec, longest_gap_sec, stale_agents, max_abs_clock_skew_sec,
--   skewed_polls
-- Formulas:
--   polls_made           = calls made that day, every scope (by the job's receive time)
--   polls_failed         = calls with no usable answer (ingest.rejected_record at '$');
--                          failed_pct = 100 * polls_failed / polls_made
--   gaps, gap_sec, longest_gap_sec = count, total and longest spacing > gap_sec between
--                          consecutive loaded account-wide answers, counted on the day of the
--                          answer that ends the gap (agents' states inside a gap are unknown);
--                          all three are 0 on a day without gaps
--   stale_agents         = distinct agents seen with since_last_update > stale_sec that day
--   max_abs_clock_skew_sec = largest |observed_at - received_at|; skewed_polls = polls above skew_sec
--                          (whole hours usually mean a wrong time zone setting)
\if :{?from} \else \warn 'data_coverage.sql: -v from is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?to} \else \warn 'data_coverage.sql: -v to is missing; give the period as -v from=DATE -v to=DATE, e.g. -v from=2025-05-28 -v to=2025-05-29 (to is exclusive)' \quit \endif
\if :{?account} \else \set account '' \endif
\if :{?gap_sec} \else \set gap_sec 120 \endif
\if :{?stale_sec} \else \set stale_sec 300 \endif
\if :{?skew_sec} \else \set skew_sec 300 \endif

with

parameters as (
    select
        period.*,
        cast(:'gap_sec' as integer) as gap_sec,
        cast(:'stale_sec' as integer) as stale_sec,
        cast(:'skew_sec' as integer) as skew_sec
    from reporting.report_period(:'from', :'to', :'account') as period
),

-- reporting.poll for each account and the local days around the period only, read once: the function
-- computes the spacing of every scope's answers anyway. Materialized: read twice below
polls as materialized (
    select
        poll.account_id,
        poll.received_local_date,
        poll.scope_kind,
        poll.is_failed,
        poll.clock_skew_sec,
        poll.seconds_since_previous,
        parameters.skew_sec,
        parameters.gap_sec
    from parameters
        cross join lateral reporting.polls(parameters.account_id,
            parameters.from_local::date::timestamp at time zone parameters.time_zone,
            (parameters.to_local::date + 1)::timestamp at time zone parameters.time_zone) as poll
    where poll.received_local_date >= parameters.from_local
        and poll.received_local_date < parameters.to_local
),

-- the account-wide calls, for the gaps
account_polls as (
    select
        polls.account_id,
        polls.received_local_date,
        polls.seconds_since_previous,
        polls.gap_sec
    from polls
    where polls.scope_kind = 'account'
),

agent_snapshots as (
    select
        agent_snapshot.account_id,
        (agent_snapshot.observed_at at time zone parameters.time_zone)::date as local_date,
        agent_snapshot.user_id
    from reporting.agent_snapshot as agent_snapshot
        inner join parameters on parameters.account_id = agent_snapshot.account_id
    where agent_snapshot.observed_at >= parameters.from_local at time zone parameters.time_zone
        and agent_snapshot.observed_at < parameters.to_local at time zone parameters.time_zone
        and agent_snapshot.since_last_update > parameters.stale_sec
),

days as (
    select
        parameters.account_id,
        parameters.account_name,
        local_day.local_date::date as local_date
    from parameters
        cross join lateral generate_series(
            parameters.from_local::date::timestamp,
            parameters.to_local - interval '1 microsecond',
            interval '1 day') as local_day(local_date)
),

poll_days as (
    select
        polls.account_id,
        polls.received_local_date as local_date,
        count(*) as polls_made,
        count(*) filter (where not polls.is_failed) as polls_loaded,
        count(*) filter (where polls.is_failed) as polls_failed,
        count(*) filter (where not polls.is_failed and polls.scope_kind = 'account') as account_polls_loaded,
        max(abs(polls.clock_skew_sec)) as max_abs_clock_skew_sec,
        count(*) filter (where abs(polls.clock_skew_sec) > polls.skew_sec) as skewed_polls
    from polls
    group by
        polls.account_id,
        polls.received_local_date
),

gap_days as (
    select
        account_polls.account_id,
        account_polls.received_local_date as local_date,
        count(*) filter (where account_polls.seconds_since_previous > account_polls.gap_sec) as gaps,
        sum(account_polls.seconds_since_previous) filter (where account_polls.seconds_since_previous > account_polls.gap_sec) as gap_sec,
        max(account_polls.seconds_since_previous) filter (where account_polls.seconds_since_previous > account_polls.gap_sec) as longest_gap_sec
    from account_polls
    group by
        account_polls.account_id,
        account_polls.received_local_date
),

stale_days as (
    select
        agent_snapshots.account_id,
        agent_snapshots.local_date,
        count(distinct agent_snapshots.user_id) as stale_agents
    from agent_snapshots
    group by
        agent_snapshots.account_id,
        agent_snapshots.local_date
)

select
    days.account_name,
    days.local_date,
    coalesce(poll_days.polls_made, 0) as polls_made,
    coalesce(poll_days.polls_loaded, 0) as polls_loaded,
    coalesce(poll_days.polls_failed, 0) as polls_failed,
    round(100.0 * poll_days.polls_failed / nullif(poll_days.polls_made, 0), 2) as failed_pct,
    coalesce(poll_days.account_polls_loaded, 0) as account_polls_loaded,
    coalesce(gap_days.gaps, 0) as gaps,
    coalesce(round(gap_days.gap_sec)::bigint, 0) as gap_sec,
    coalesce(round(gap_days.longest_gap_sec)::bigint, 0) as longest_gap_sec,
    coalesce(stale_days.stale_agents, 0) as stale_agents,
    poll_days.max_abs_clock_skew_sec,
    coalesce(poll_days.skewed_polls, 0) as skewed_polls
from days
    left join poll_days on poll_days.account_id = days.account_id
        and poll_days.local_date = days.local_date
    left join gap_days on gap_days.account_id = days.account_id
        and gap_days.local_date = days.local_date
    left join stale_days on stale_days.account_id = days.account_id
        and stale_days.local_date = days.local_date
order by
    days.account_name,
    days.local_date;
