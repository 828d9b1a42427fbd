-- reporting.agent_state_daily: time per status family of each agent on each local calendar day.
-- Intervals are cut at local midnight, so a status held over midnight counts on both days, and a
-- DST day is 23 or 25 hours long.
-- Days that end before the account's settled_until are read from warehouse.settled_agent_state_day (V13),
-- the later ones computed from the intervals by reporting.agent_state_days_from_intervals, which is also what
-- settled them. The logic is in functions so that reports touch only their days; the view is the function
-- over all time, for BI tools. JIT is off for the reason given in R__reporting_2_agent_status_quarter_hour.sql.
create or replace function reporting.agent_state_days_from_intervals(p_account_id smallint, p_from date, p_to date)
returns table (
    account_id      smallint,
    user_id         bigint,
    local_date      date,
    logged_in_sec   bigint,
    ready_sec       bigint,
    wait_sec        bigint,
    incall_sec      bigint,
    dispo_sec       bigint,
    paused_sec      bigint,
    dead_sec        bigint,
    other_sec       bigint
)
language plpgsql
stable
set jit = off
as $$
#variable_conflict use_column
begin
return query
with

-- the local days [p_from, p_to) as instants in each account's zone, and how long before them an
-- interval overlapping them can have begun (its account's longest interval)
periods as (
    select
        account.account_id,
        p_from::timestamp at time zone account.time_zone as from_at,
        p_to::timestamp at time zone account.time_zone as to_at,
        reporting.longest_interval(account.account_id) as longest_interval
    from warehouse.account as account
    where p_account_id is null or account.account_id = p_account_id
),

-- the intervals overlapping the period, with the local days of their first and last instant; offset 0
-- keeps this a subquery planned for each account, so both bounds on started_at are index conditions,
-- and computes the local days once per interval
intervals as (
    select
        period_intervals.account_id,
        period_intervals.time_zone,
        period_intervals.user_id,
        period_intervals.status_group,
        period_intervals.started_at,
        period_intervals.counted_until,
        period_intervals.first_local_date,
        period_intervals.last_local_date
    from periods
        cross join lateral (
            select
                agent_state_interval.account_id,
                agent_state_interval.time_zone,
                agent_state_interval.user_id,
                agent_state_interval.status_group,
                agent_state_interval.started_at,
                agent_state_interval.counted_until,
                (agent_state_interval.started_at at time zone agent_state_interval.time_zone)::date as first_local_date,
                ((agent_state_interval.counted_until - interval '1 microsecond') at time zone agent_state_interval.time_zone)::date
                    as last_local_date
            from reporting.agent_state_interval as agent_state_interval
            where agent_state_interval.account_id = periods.account_id
                and agent_state_interval.started_at < periods.to_at
                and agent_state_interval.started_at >= periods.from_at - periods.longest_interval
                and agent_state_interval.counted_until > periods.from_at
                and agent_state_interval.counted_until > agent_state_interval.started_at
            offset 0
        ) as period_intervals
),

-- one piece per interval per local day it touches; converting to local time is the costly step, so
-- each interval's first and last local day are computed once, above
day_pieces as (
    select
        intervals.account_id,
        intervals.user_id,
        intervals.status_group,
        local_day.local_date,
        local_day.piece_start,
        local_day.piece_end
    from intervals
        cross join lateral (
            -- most intervals lie within one local day: that day's piece is the whole interval
            select
                intervals.first_local_date as local_date,
                intervals.started_at as piece_start,
                intervals.counted_until as piece_end
            where intervals.first_local_date = intervals.last_local_date
            union all
            select
                days_touched.local_date,
                greatest(intervals.started_at, days_touched.local_date::timestamp at time zone intervals.time_zone),
                least(intervals.counted_until, (days_touched.local_date + 1)::timestamp at time zone intervals.time_zone)
            from reporting.local_days_touching(intervals.started_at, intervals.counted_until, intervals.time_zone)
                as days_touched(local_date)
            where intervals.first_local_date <> intervals.last_local_date
        ) as local_day
),

-- seconds per agent, day and family first (numeric sums are exact, so summing in two steps changes
-- nothing)
family_days as (
    select
        day_pieces.account_id,
        day_pieces.user_id,
        day_pieces.local_date,
        day_pieces.status_group,
        -- summing intervals then taking seconds is exact too, and cheaper than a numeric per piece
        extract(epoch from sum(day_pieces.piece_end - day_pieces.piece_start)) as family_sec
    from day_pieces
    where day_pieces.piece_end > day_pieces.piece_start
        and day_pieces.local_date >= p_from
        and day_pieces.local_date < p_to
    group by
        day_pieces.account_id,
        day_pieces.user_id,
        day_pieces.local_date,
        day_pieces.status_group
),

agent_days as (
    select
        family_days.account_id,
        family_days.user_id,
        family_days.local_date,
        sum(family_days.family_sec) as logged_in_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'ready') as ready_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'wait') as wait_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'incall') as incall_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'dispo') as dispo_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'paused') as paused_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'dead') as dead_sec,
        sum(family_days.family_sec) filter (where family_days.status_group = 'other') as other_sec
    from family_days
    group by
        family_days.account_id,
        family_days.user_id,
        family_days.local_date
)

select
    agent_days.account_id,
    agent_days.user_id,
    agent_days.local_date,
    round(agent_days.logged_in_sec)::bigint as logged_in_sec,
    round(coalesce(agent_days.ready_sec, 0))::bigint as ready_sec,
    round(coalesce(agent_days.wait_sec, 0))::bigint as wait_sec,
    round(coalesce(agent_days.incall_sec, 0))::bigint as incall_sec,
    round(coalesce(agent_days.dispo_sec, 0))::bigint as dispo_sec,
    round(coalesce(agent_days.paused_sec, 0))::bigint as paused_sec,
    round(coalesce(agent_days.dead_sec, 0))::bigint as dead_sec,
    round(coalesce(agent_days.other_sec, 0))::bigint as other_sec
from agent_days;
end
$$;
comment on function reporting.agent_state_days_from_intervals(smallint, date, date) is 'Rows of reporting.agent_state_daily without names, computed from agent_state_interval, for one account (NULL = all) and the local days [p_from, p_to).';

create or replace function reporting.agent_state_days(p_account_id smallint, p_from date, p_to date)
returns table (
    account_id      smallint,
    account_name    text,
    user_id         bigint,
    user_full_name  text,
    local_date      date,
    logged_in_sec   bigint,
    ready_sec       bigint,
    wait_sec        bigint,
    incall_sec      bigint,
    dispo_sec       bigint,
    paused_sec      bigint,
    dead_sec        bigint,
    other_sec       bigint
)
language plpgsql
stable
set jit = off
as $$
#variable_conflict use_column
begin
return query
with

-- per account: the first local day not settled (settled_until is a local midnight or inside that day)
periods as (
    select
        account.account_id,
        account.account_name,
        (coalesce(settled.settled_until, '-infinity') at time zone account.time_zone)::date as first_unsettled_date
    from warehouse.account as account
        left join warehouse.settled_until as settled on settled.account_id = account.account_id
    where p_account_id is null or account.account_id = p_account_id
),

settled_days as (
    select
        settled_day.account_id,
        settled_day.user_id,
        settled_day.local_date,
        settled_day.logged_in_sec,
        settled_day.ready_sec,
        settled_day.wait_sec,
        settled_day.incall_sec,
        settled_day.dispo_sec,
        settled_day.paused_sec,
        settled_day.dead_sec,
        settled_day.other_sec
    from periods
        inner join warehouse.settled_agent_state_day as settled_day
            on settled_day.account_id = periods.account_id
            and settled_day.local_date >= p_from
            and settled_day.local_date < least(p_to, periods.first_unsettled_date)
),

unsettled_days as (
    select
        computed.account_id,
        computed.user_id,
        computed.local_date,
        computed.logged_in_sec,
        computed.ready_sec,
        computed.wait_sec,
        computed.incall_sec,
        computed.dispo_sec,
        computed.paused_sec,
        computed.dead_sec,
        computed.other_sec
    from periods
        cross join lateral reporting.agent_state_days_from_intervals(
            periods.account_id, greatest(p_from, periods.first_unsettled_date), p_to) as computed
    where greatest(p_from, periods.first_unsettled_date) < p_to
),

agent_days as (
    select * from settled_days
    union all
    select * from unsettled_days
)

select
    agent_days.account_id,
    periods.account_name,
    agent_days.user_id,
    agent_name.user_full_name,
    agent_days.local_date,
    agent_days.logged_in_sec,
    agent_days.ready_sec,
    agent_days.wait_sec,
    agent_days.incall_sec,
    agent_days.dispo_sec,
    agent_days.paused_sec,
    agent_days.dead_sec,
    agent_days.other_sec
from agent_days
    inner join periods on periods.account_id = agent_days.account_id
    -- the name seen last, as reporting.agent_state_interval shows it; joined to the few resulting rows
    left join reporting.agent_name as agent_name on agent_name.account_id = agent_days.account_id and agent_name.user_id = agent_days.user_id;
end
$$;
comment on function reporting.agent_state_days(smallint, date, date) is 'Rows of reporting.agent_state_daily for one account (NULL = all) and the local days [p_from, p_to): settled ones stored, later ones computed.';

create or replace view reporting.agent_state_daily as
select
    agent_state_days.account_id,
    agent_state_days.account_name,
    agent_state_days.user_id,
    agent_state_days.user_full_name,
    agent_state_days.local_date,
    agent_state_days.logged_in_sec,
    agent_state_days.ready_sec,
    agent_state_days.wait_sec,
    agent_state_days.incall_sec,
    agent_state_days.dispo_sec,
    agent_state_days.paused_sec,
    agent_state_days.dead_sec,
    agent_state_days.other_sec
from reporting.agent_state_days(null, '-infinity', 'infinity') as agent_state_days;


comment on view reporting.agent_state_daily is 'One row per agent per local day: seconds in each status family, intervals cut at local midnight.';
comment on column reporting.agent_state_daily.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_state_daily.account_name is 'The account''s configured name.';
comment on column reporting.agent_state_daily.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_state_daily.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.agent_state_daily.local_date is 'Calendar day in the account''s time zone (23, 24 or 25 hours long).';
comment on column reporting.agent_state_daily.logged_in_sec is 'Seconds covered by any status interval that day (polling gaps are not counted).';
comment on column reporting.agent_state_daily.ready_sec is 'Seconds in READY that day.';
comment on column reporting.agent_state_daily.wait_sec is 'Seconds in WAIT that day.';
comment on column reporting.agent_state_daily.incall_sec is 'Seconds in INCALL that day.';
comment on column reporting.agent_state_daily.dispo_sec is 'Seconds in DISPO (wrap-up) that day.';
comment on column reporting.agent_state_daily.paused_sec is 'Seconds in PAUSED that day.';
comment on column reporting.agent_state_daily.dead_sec is 'Seconds in DEAD that day.';
comment on column reporting.agent_state_daily.other_sec is 'Seconds in any other status that day.';

-- The settled aggregates (V13) were computed with the definitions in this file: whenever it changes, and so
-- runs again, every account is settled anew from its first interval (warehouse.settle_aggregates).
update warehouse.settled_until
set settled_until = '-infinity';
