-- reporting.agent_state_daily: time per status family of each agent on each local calendar day.
-- Intervals are cut at local midnight, so a status held over midnight counts on both days, and a
-- DST day is 23 or 25 hours long.
-- The logic is a function so that reports cut only the intervals of their days; the view is the
-- function over all time, for BI tools.
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
language sql
stable
as $$
with

intervals as (
    select
        agent_state_interval.account_id,
        agent_state_interval.time_zone,
        agent_state_interval.user_id,
        agent_state_interval.status_group,
        agent_state_interval.started_at,
        agent_state_interval.counted_until
    from reporting.agent_state_interval as agent_state_interval
    where agent_state_interval.counted_until > agent_state_interval.started_at
        and (p_account_id is null or agent_state_interval.account_id = p_account_id)
        -- only the intervals touching the local days [p_from, p_to)
        and agent_state_interval.started_at < p_to::timestamp at time zone agent_state_interval.time_zone
        and agent_state_interval.counted_until > p_from::timestamp at time zone agent_state_interval.time_zone
),

-- one piece per interval per local day it touches
day_pieces as (
    select
        intervals.account_id,
        intervals.user_id,
        intervals.status_group,
        local_day.local_date,
        greatest(intervals.started_at, local_day.local_date::timestamp at time zone intervals.time_zone) as piece_start,
        least(intervals.counted_until, (local_day.local_date + 1)::timestamp at time zone intervals.time_zone) as piece_end
    from intervals
        cross join lateral (
            -- most intervals lie within one local day: take it without calling the set-returning function
            select (intervals.started_at at time zone intervals.time_zone)::date as local_date
            where (intervals.started_at at time zone intervals.time_zone)::date
                = ((intervals.counted_until - interval '1 microsecond') at time zone intervals.time_zone)::date
            union all
            select days_touched.local_date
            from reporting.local_days_touching(intervals.started_at, intervals.counted_until, intervals.time_zone)
                as days_touched(local_date)
            where (intervals.started_at at time zone intervals.time_zone)::date
                <> ((intervals.counted_until - interval '1 microsecond') at time zone intervals.time_zone)::date
        ) as local_day
),

-- seconds per agent, day and family first (numeric sums are exact, so summing in two steps changes
-- nothing); names are joined to the few resulting rows rather than carried through the pieces
family_days as (
    select
        day_pieces.account_id,
        day_pieces.user_id,
        day_pieces.local_date,
        day_pieces.status_group,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) as family_sec
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
),

accounts as (
    select
        account.account_id,
        account.account_name
    from warehouse.account as account
),

-- the name seen last, as reporting.agent_state_interval shows it
agent_names as (
    select distinct on (agent.account_id, agent.user_id)
        agent.account_id,
        agent.user_id,
        agent.user_full_name
    from warehouse.agent as agent
    order by agent.account_id, agent.user_id, agent.last_seen_at desc
)

select
    agent_days.account_id,
    accounts.account_name,
    agent_days.user_id,
    agent_names.user_full_name,
    agent_days.local_date,
    round(agent_days.logged_in_sec)::bigint as logged_in_sec,
    round(coalesce(agent_days.ready_sec, 0))::bigint as ready_sec,
    round(coalesce(agent_days.wait_sec, 0))::bigint as wait_sec,
    round(coalesce(agent_days.incall_sec, 0))::bigint as incall_sec,
    round(coalesce(agent_days.dispo_sec, 0))::bigint as dispo_sec,
    round(coalesce(agent_days.paused_sec, 0))::bigint as paused_sec,
    round(coalesce(agent_days.dead_sec, 0))::bigint as dead_sec,
    round(coalesce(agent_days.other_sec, 0))::bigint as other_sec
from agent_days
    inner join accounts on accounts.account_id = agent_days.account_id
    left join agent_names on agent_names.account_id = agent_days.account_id and agent_names.user_id = agent_days.user_id
$$;
comment on function reporting.agent_state_days(smallint, date, date) is 'Rows of reporting.agent_state_daily for one account (NULL = all) and the local days [p_from, p_to).';

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
