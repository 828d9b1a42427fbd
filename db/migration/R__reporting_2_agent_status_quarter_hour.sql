-- reporting.agent_status_quarter_hours(account, from, to) and the view reporting.agent_status_quarter_hour:
-- agent-seconds and peak concurrent agents per status family in each quarter hour, plus the family
-- 'logged_in' for all statuses together. Quarter hours are instants, aligned with local quarter hours
-- in every zone (all offsets are multiples of 15 minutes), so 30- and 60-minute buckets are sums
-- (agent_sec) and maxima (peak_agents) of quarter hours: average agents = sum(agent_sec) / bucket seconds.
-- Quarter hours before the account's settled_until are read from warehouse.settled_agent_status_quarter_hour
-- (V13), the later ones computed from the intervals by reporting.agent_status_quarter_hours_from_intervals,
-- which is also what settled them. The logic is in functions so that reports touch only their period; the
-- view is the function over all time, for BI tools.
-- The functions run with JIT off, which also keeps them from being inlined into the caller's query: the
-- computed branch looks expensive to the planner even when the settled rows answer everything, and
-- compiling it took a second of a week's report that then ran in 50 ms (measured by the benchmark).
-- Computed from the intervals: a quarter hour depends only on the intervals overlapping it, so the
-- period's first quarter hour is taken whole even when p_from falls inside it.
create or replace function reporting.agent_status_quarter_hours_from_intervals(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id    smallint,
    bucket_start  timestamptz,
    status_group  text,
    agent_sec     numeric,
    peak_agents   bigint,
    agents_seen   bigint
)
language plpgsql
stable
set jit = off
as $$
#variable_conflict use_column
begin
return query
with

-- the period from the start of its first quarter hour, and how long before that an interval overlapping
-- it can have begun: the account's longest interval
accounts as (
    select
        account.account_id,
        date_bin(interval '15 minutes', p_from, timestamptz '2000-01-01 00:00:00+00') as from_at,
        reporting.longest_interval(account.account_id) as longest_interval
    from warehouse.account as account
    where p_account_id is null or account.account_id = p_account_id
),

-- the intervals overlapping the period; offset 0 keeps this a subquery planned for each account, so
-- both bounds on started_at are index conditions
intervals as (
    select
        period_intervals.account_id,
        period_intervals.time_zone,
        period_intervals.user_id,
        period_intervals.status_group,
        period_intervals.started_at,
        period_intervals.counted_until,
        accounts.from_at
    from accounts
        cross join lateral (
            select
                agent_state_interval.account_id,
                agent_state_interval.time_zone,
                agent_state_interval.user_id,
                agent_state_interval.status_group,
                agent_state_interval.started_at,
                agent_state_interval.counted_until
            from reporting.agent_state_interval as agent_state_interval
            where agent_state_interval.account_id = accounts.account_id
                and agent_state_interval.started_at < p_to
                and agent_state_interval.started_at >= accounts.from_at - accounts.longest_interval
                and agent_state_interval.counted_until > accounts.from_at
                and agent_state_interval.counted_until > agent_state_interval.started_at
            offset 0
        ) as period_intervals
),

-- each interval cut into the quarter hours it touches, once under its own family and once under
-- 'logged_in'
quarter_pieces as (
    select
        intervals.account_id,
        intervals.time_zone,
        intervals.user_id,
        family.status_group,
        quarter.bucket_start,
        greatest(intervals.started_at, quarter.bucket_start) as piece_start,
        least(intervals.counted_until, quarter.bucket_start + interval '15 minutes') as piece_end,
        intervals.from_at
    from intervals
        cross join lateral (
            -- most intervals lie within one quarter hour: take it without calling the set-returning function
            select date_bin(interval '15 minutes', intervals.started_at, timestamptz '2000-01-01 00:00:00+00') as bucket_start
            where date_bin(interval '15 minutes', intervals.started_at, timestamptz '2000-01-01 00:00:00+00')
                = date_bin(interval '15 minutes', intervals.counted_until - interval '1 microsecond', timestamptz '2000-01-01 00:00:00+00')
            union all
            select quarters_touched.bucket_start
            from reporting.quarter_hours_touching(intervals.started_at, intervals.counted_until) as quarters_touched(bucket_start)
            where date_bin(interval '15 minutes', intervals.started_at, timestamptz '2000-01-01 00:00:00+00')
                <> date_bin(interval '15 minutes', intervals.counted_until - interval '1 microsecond', timestamptz '2000-01-01 00:00:00+00')
        ) as quarter
        cross join lateral (values (intervals.status_group), ('logged_in')) as family(status_group)
),

pieces as (
    select *
    from quarter_pieces
    where quarter_pieces.piece_end > quarter_pieces.piece_start
        and quarter_pieces.bucket_start >= quarter_pieces.from_at
        and quarter_pieces.bucket_start < p_to
),

-- +1 when an agent enters the family within the quarter, -1 when they leave; at one instant the
-- leaving comes first, so an agent handing over from one status to the next is never counted twice
changes as (
    select pieces.account_id, pieces.bucket_start, pieces.status_group, pieces.piece_start as at, 1 as change
    from pieces
    union all
    select pieces.account_id, pieces.bucket_start, pieces.status_group, pieces.piece_end as at, -1 as change
    from pieces
    where pieces.piece_end < pieces.bucket_start + interval '15 minutes'
),

-- the net change at each instant: within an instant the leavings come first, so the count after all
-- of them is the highest the instant reaches; summing per instant first leaves far fewer rows to sort
instant_changes as (
    select
        changes.account_id,
        changes.bucket_start,
        changes.status_group,
        changes.at,
        sum(changes.change) as net_change
    from changes
    group by
        changes.account_id,
        changes.bucket_start,
        changes.status_group,
        changes.at
),

concurrency as (
    select
        instant_changes.account_id,
        instant_changes.bucket_start,
        instant_changes.status_group,
        sum(instant_changes.net_change) over (
            partition by instant_changes.account_id, instant_changes.bucket_start, instant_changes.status_group
            order by instant_changes.at
            rows between unbounded preceding and current row) as agents
    from instant_changes
),

peaks as (
    select
        concurrency.account_id,
        concurrency.bucket_start,
        concurrency.status_group,
        max(concurrency.agents) as peak_agents
    from concurrency
    group by
        concurrency.account_id,
        concurrency.bucket_start,
        concurrency.status_group
),

agent_seconds as (
    select
        pieces.account_id,
        pieces.bucket_start,
        pieces.status_group,
        -- summing intervals then taking seconds is exact, and cheaper than a numeric per piece
        extract(epoch from sum(pieces.piece_end - pieces.piece_start)) as agent_sec,
        count(distinct pieces.user_id) as agents_seen
    from pieces
    group by
        pieces.account_id,
        pieces.bucket_start,
        pieces.status_group
)

select
    agent_seconds.account_id,
    agent_seconds.bucket_start,
    agent_seconds.status_group,
    agent_seconds.agent_sec,
    -- the running sum of a bigint is numeric: plpgsql returns exactly the declared type
    peaks.peak_agents::bigint as peak_agents,
    agent_seconds.agents_seen
from agent_seconds
    inner join peaks on peaks.account_id = agent_seconds.account_id
        and peaks.bucket_start = agent_seconds.bucket_start
        and peaks.status_group = agent_seconds.status_group;
end
$$;
comment on function reporting.agent_status_quarter_hours_from_intervals(smallint, timestamptz, timestamptz) is 'Rows of reporting.agent_status_quarter_hour computed from agent_state_interval, for one account (NULL = all) and the quarter hours touching [p_from, p_to).';

create or replace function reporting.agent_status_quarter_hours(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id    smallint,
    bucket_start  timestamptz,
    status_group  text,
    agent_sec     numeric,
    peak_agents   bigint,
    agents_seen   bigint
)
language plpgsql
stable
set jit = off
as $$
#variable_conflict use_column
begin
return query
with

-- per account: the period from the start of its first quarter hour, and where its settled quarter hours end
periods as (
    select
        account.account_id,
        date_bin(interval '15 minutes', p_from, timestamptz '2000-01-01 00:00:00+00') as from_at,
        coalesce(settled.settled_until, '-infinity') as settled_until
    from warehouse.account as account
        left join warehouse.settled_until as settled on settled.account_id = account.account_id
    where p_account_id is null or account.account_id = p_account_id
),

-- settled_until is aligned, so a quarter hour starting before it also ends by it
settled_quarters as (
    select
        settled_quarter.account_id,
        settled_quarter.bucket_start,
        settled_quarter.status_group,
        settled_quarter.agent_sec,
        settled_quarter.peak_agents::bigint as peak_agents,
        settled_quarter.agents_seen::bigint as agents_seen
    from periods
        inner join warehouse.settled_agent_status_quarter_hour as settled_quarter
            on settled_quarter.account_id = periods.account_id
            and settled_quarter.bucket_start >= periods.from_at
            and settled_quarter.bucket_start < least(p_to, periods.settled_until)
),

unsettled_quarters as (
    select
        computed.account_id,
        computed.bucket_start,
        computed.status_group,
        computed.agent_sec,
        computed.peak_agents,
        computed.agents_seen
    from periods
        cross join lateral reporting.agent_status_quarter_hours_from_intervals(
            periods.account_id, greatest(periods.from_at, periods.settled_until), p_to) as computed
    where greatest(periods.from_at, periods.settled_until) < p_to
)

select * from settled_quarters
union all
select * from unsettled_quarters;
end
$$;
comment on function reporting.agent_status_quarter_hours(smallint, timestamptz, timestamptz) is 'Rows of reporting.agent_status_quarter_hour for one account (NULL = all) and the quarter hours touching [p_from, p_to): settled ones stored, later ones computed.';

create or replace view reporting.agent_status_quarter_hour as
with

quarter_hours as (
    select
        agent_status_quarter_hours.account_id,
        agent_status_quarter_hours.bucket_start,
        agent_status_quarter_hours.status_group,
        agent_status_quarter_hours.agent_sec,
        agent_status_quarter_hours.peak_agents,
        agent_status_quarter_hours.agents_seen
    from reporting.agent_status_quarter_hours(null, '-infinity', 'infinity') as agent_status_quarter_hours
),

accounts as (
    select
        account.account_id,
        account.time_zone
    from reporting.account as account
)

select
    quarter_hours.account_id,
    quarter_hours.bucket_start,
    quarter_hours.bucket_start at time zone accounts.time_zone as bucket_start_local,
    quarter_hours.status_group,
    quarter_hours.agent_sec,
    round(quarter_hours.agent_sec / 900.0, 2) as average_agents,
    quarter_hours.peak_agents,
    quarter_hours.agents_seen
from quarter_hours
    inner join accounts on accounts.account_id = quarter_hours.account_id;

comment on view reporting.agent_status_quarter_hour is 'One row per account per quarter hour per status family (plus logged_in = all statuses): agent-seconds, average and peak concurrent agents.';
comment on column reporting.agent_status_quarter_hour.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_status_quarter_hour.bucket_start is 'Start of the quarter hour (an instant; 15 minutes long).';
comment on column reporting.agent_status_quarter_hour.bucket_start_local is 'bucket_start in the account''s local time (a fall-back day shows 01:00-01:45 twice).';
comment on column reporting.agent_status_quarter_hour.status_group is 'ready, wait, incall, dispo, paused, dead, other, or logged_in for any status.';
comment on column reporting.agent_status_quarter_hour.agent_sec is 'Agent-seconds spent in the family during the quarter hour (sum over agents).';
comment on column reporting.agent_status_quarter_hour.average_agents is 'agent_sec / 900: the time-weighted average number of agents in the family.';
comment on column reporting.agent_status_quarter_hour.peak_agents is 'Most agents in the family at the same instant during the quarter hour.';
comment on column reporting.agent_status_quarter_hour.agents_seen is 'Distinct agents in the family at some time in the quarter hour (not additive across quarters).';

-- The settled aggregates (V13) were computed with the definitions in this file: whenever it changes, and so
-- runs again, every account is settled anew from its first interval (warehouse.settle_aggregates).
update warehouse.settled_until
set settled_until = '-infinity';
