-- reporting.agent_state_daily: time per status family of each agent on each local calendar day.
-- Intervals are cut at local midnight, so a status held over midnight counts on both days, and a
-- DST day is 23 or 25 hours long.
create or replace view reporting.agent_state_daily as
with

intervals as (
    select
        agent_state_interval.account_id,
        agent_state_interval.account_name,
        agent_state_interval.time_zone,
        agent_state_interval.user_id,
        agent_state_interval.user_full_name,
        agent_state_interval.status_group,
        agent_state_interval.started_at,
        agent_state_interval.counted_until
    from reporting.agent_state_interval as agent_state_interval
    where agent_state_interval.counted_until > agent_state_interval.started_at
),

-- one piece per interval per local day it touches
day_pieces as (
    select
        intervals.account_id,
        intervals.account_name,
        intervals.user_id,
        intervals.user_full_name,
        intervals.status_group,
        local_day.local_date,
        greatest(intervals.started_at, local_day.local_date::timestamp at time zone intervals.time_zone) as piece_start,
        least(intervals.counted_until, (local_day.local_date + 1)::timestamp at time zone intervals.time_zone) as piece_end
    from intervals
        cross join lateral reporting.local_days_touching(intervals.started_at, intervals.counted_until, intervals.time_zone)
            as local_day(local_date)
),

agent_days as (
    select
        day_pieces.account_id,
        day_pieces.account_name,
        day_pieces.user_id,
        day_pieces.user_full_name,
        day_pieces.local_date,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) as logged_in_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'ready') as ready_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'wait') as wait_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'incall') as incall_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'dispo') as dispo_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'paused') as paused_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'dead') as dead_sec,
        sum(extract(epoch from day_pieces.piece_end - day_pieces.piece_start)) filter (where day_pieces.status_group = 'other') as other_sec
    from day_pieces
    where day_pieces.piece_end > day_pieces.piece_start
    group by
        day_pieces.account_id,
        day_pieces.account_name,
        day_pieces.user_id,
        day_pieces.user_full_name,
        day_pieces.local_date
)

select
    agent_days.account_id,
    agent_days.account_name,
    agent_days.user_id,
    agent_days.user_full_name,
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
