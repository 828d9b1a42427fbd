-- reporting.agent_state_intervals_with_inferred(account, from, to) and the view
-- reporting.agent_state_interval_with_inferred: the agents' time as reporting.agent_state_interval tells it, with
-- the in-call and wrap-up stretches that the call fields prove the polls missed, every row marked observed or
-- inferred (docs/data-model.md#inferred-stretches).
--
-- An observed interval is known from the polls that showed it up to the last of them (last_seen_at); after that,
-- until the next state's start, no poll saw the agent: its unseen tail. A finished call (warehouse.agent_call,
-- start and end exact) whose end lies in that tail proves what the tail held:
--   in call from the call's start to its end, when the call also started in the tail (no poll saw it);
--   in wrap-up (DISPO) from the call's end to the next state's start, when the call started in the tail or the
--   interval is that call's own in-call interval.
-- The observed row then ends where the first inferred stretch begins. A call whose end is not after its start,
-- a call not inside one interval, an interval ended by logout or a gap prove nothing. Of two calls in one tail
-- (the fields show only one) the later counts. Computed when read from agent_state_interval and agent_call: the
-- derivation is untouched, so rebuild-derived and replay give what the load path gives by construction.
-- The reports count the observed intervals (reporting.agent_state_interval); this is the reading with the
-- inferred stretches for BI tools and for measuring what the polls missed.
create or replace function reporting.agent_state_intervals_with_inferred(p_account_id smallint, p_from timestamptz,
    p_to timestamptz)
returns table (
    account_id          smallint,
    account_name        text,
    time_zone           text,
    user_id             bigint,
    user_full_name      text,
    source              text,
    status              text,
    status_label        text,
    status_group        text,
    campaign_id         bigint,
    queue_id            bigint,
    shift_login_at      timestamptz,
    started_at          timestamptz,
    counted_until       timestamptz,
    is_open             boolean,
    duration_sec        numeric,
    started_local       timestamp,
    counted_until_local timestamp,
    started_local_date  date,
    call_started_at     timestamptz
)
language plpgsql
stable
as $$
#variable_conflict use_column
begin
return query
with

-- how long before the period an interval overlapping it can have begun (its account's longest interval)
periods as (
    select
        account.account_id,
        reporting.longest_interval(account.account_id) as longest_interval
    from warehouse.account as account
    where p_account_id is null or account.account_id = p_account_id
),

-- the observed intervals overlapping the period; offset 0 plans the subquery per account, with both bounds on
-- started_at as index conditions
intervals as (
    select
        period_intervals.*
    from periods
        cross join lateral (
            select
                agent_state_interval.*
            from reporting.agent_state_interval as agent_state_interval
            where agent_state_interval.account_id = periods.account_id
                and agent_state_interval.started_at < p_to
                and agent_state_interval.started_at >= p_from - periods.longest_interval
                and agent_state_interval.counted_until > p_from
            offset 0
        ) as period_intervals
),

-- per interval ended by a state change, the latest finished call that started in it and ended in its unseen tail
proving_calls as (
    select distinct on (intervals.account_id, intervals.user_id, intervals.started_at)
        intervals.account_id,
        intervals.user_id,
        intervals.started_at as interval_started_at,
        agent_call.started_at as call_started_at,
        agent_call.ended_at as call_ended_at,
        agent_call.started_at > intervals.last_seen_at as is_call_unseen
    from intervals
        inner join warehouse.agent_call as agent_call
            on agent_call.account_id = intervals.account_id
            and agent_call.user_id = intervals.user_id
            and agent_call.started_at >= intervals.started_at
            and agent_call.started_at < intervals.ended_at
    where intervals.end_reason = 'state_change'
        and agent_call.end_reason = 'finished'
        and agent_call.ended_at > agent_call.started_at
        and agent_call.ended_at > intervals.last_seen_at
        and agent_call.ended_at <= intervals.ended_at
        and (agent_call.started_at > intervals.last_seen_at
            or (agent_call.started_at = intervals.started_at and intervals.status_group = 'incall'))
    order by intervals.account_id, intervals.user_id, intervals.started_at, agent_call.started_at desc
),

-- each interval as observed up to where the first inferred stretch begins, then the stretches
pieces as (
    select
        intervals.account_id,
        intervals.user_id,
        'observed' as source,
        intervals.status,
        intervals.status_label,
        intervals.started_at,
        case
            when proving_calls.is_call_unseen then proving_calls.call_started_at
            when proving_calls.call_ended_at is not null then proving_calls.call_ended_at
            else intervals.counted_until
        end as counted_until,
        intervals.is_open,
        null::timestamptz as call_started_at,
        intervals.started_at as interval_started_at
    from intervals
        left join proving_calls
            on proving_calls.account_id = intervals.account_id
            and proving_calls.user_id = intervals.user_id
            and proving_calls.interval_started_at = intervals.started_at
    union all
    select
        proving_calls.account_id,
        proving_calls.user_id,
        'inferred',
        'INCALL',
        null,
        proving_calls.call_started_at,
        proving_calls.call_ended_at,
        false,
        proving_calls.call_started_at,
        proving_calls.interval_started_at
    from proving_calls
    where proving_calls.is_call_unseen
    union all
    select
        proving_calls.account_id,
        proving_calls.user_id,
        'inferred',
        'DISPO',
        null,
        proving_calls.call_ended_at,
        intervals.ended_at,
        false,
        proving_calls.call_started_at,
        proving_calls.interval_started_at
    from proving_calls
        inner join intervals
            on intervals.account_id = proving_calls.account_id
            and intervals.user_id = proving_calls.user_id
            and intervals.started_at = proving_calls.interval_started_at
    where proving_calls.call_ended_at < intervals.ended_at
)

select
    intervals.account_id,
    intervals.account_name,
    intervals.time_zone,
    intervals.user_id,
    intervals.user_full_name,
    pieces.source,
    pieces.status,
    pieces.status_label,
    reporting.status_group(pieces.status) as status_group,
    intervals.campaign_id,
    intervals.queue_id,
    intervals.shift_login_at,
    pieces.started_at,
    pieces.counted_until,
    pieces.is_open,
    extract(epoch from pieces.counted_until - pieces.started_at) as duration_sec,
    pieces.started_at at time zone intervals.time_zone as started_local,
    pieces.counted_until at time zone intervals.time_zone as counted_until_local,
    (pieces.started_at at time zone intervals.time_zone)::date as started_local_date,
    pieces.call_started_at
from pieces
    inner join intervals
        on intervals.account_id = pieces.account_id
        and intervals.user_id = pieces.user_id
        and intervals.started_at = pieces.interval_started_at;
end
$$;
comment on function reporting.agent_state_intervals_with_inferred(smallint, timestamptz, timestamptz) is 'Rows of reporting.agent_state_interval_with_inferred for one account (NULL = all) that overlap [p_from, p_to).';

create or replace view reporting.agent_state_interval_with_inferred as
select
    intervals.account_id,
    intervals.account_name,
    intervals.time_zone,
    intervals.user_id,
    intervals.user_full_name,
    intervals.source,
    intervals.status,
    intervals.status_label,
    intervals.status_group,
    intervals.campaign_id,
    intervals.queue_id,
    intervals.shift_login_at,
    intervals.started_at,
    intervals.counted_until,
    intervals.is_open,
    intervals.duration_sec,
    intervals.started_local,
    intervals.counted_until_local,
    intervals.started_local_date,
    intervals.call_started_at
from reporting.agent_state_intervals_with_inferred(null, '-infinity', 'infinity') as intervals;

comment on view reporting.agent_state_interval_with_inferred is 'The agents'' time as reporting.agent_state_interval tells it, with the in-call and wrap-up stretches the call fields prove the polls missed: every row observed or inferred, none overlapping another of its agent.';
comment on column reporting.agent_state_interval_with_inferred.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_state_interval_with_inferred.account_name is 'The account''s configured name.';
comment on column reporting.agent_state_interval_with_inferred.time_zone is 'The account''s IANA time zone; every *_local column is in it.';
comment on column reporting.agent_state_interval_with_inferred.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_state_interval_with_inferred.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.agent_state_interval_with_inferred.source is 'observed: an interval the polls showed (cut short where an inferred stretch begins); inferred: a stretch a finished call proves between two polls.';
comment on column reporting.agent_state_interval_with_inferred.status is 'API status; INCALL or DISPO for an inferred stretch.';
comment on column reporting.agent_state_interval_with_inferred.status_label is 'Friendly status name as sent; NULL for an inferred stretch (no answer sent one).';
comment on column reporting.agent_state_interval_with_inferred.status_group is 'Status family (reporting.status_group).';
comment on column reporting.agent_state_interval_with_inferred.campaign_id is 'The agent''s campaign when the observed interval the row lies in began.';
comment on column reporting.agent_state_interval_with_inferred.queue_id is 'The agent''s queue when the observed interval the row lies in began.';
comment on column reporting.agent_state_interval_with_inferred.shift_login_at is 'login_at of the shift (reporting.agent_shift) the row belongs to.';
comment on column reporting.agent_state_interval_with_inferred.started_at is 'When the row''s status began: last_state_change for an observed row, the call''s start or end for an inferred one.';
comment on column reporting.agent_state_interval_with_inferred.counted_until is 'When the row ends: where the next row of the agent begins, or for an open interval the last snapshot that showed it.';
comment on column reporting.agent_state_interval_with_inferred.is_open is 'True while the agent is still in this observed status.';
comment on column reporting.agent_state_interval_with_inferred.duration_sec is 'Seconds from started_at to counted_until.';
comment on column reporting.agent_state_interval_with_inferred.started_local is 'started_at in the account''s local time.';
comment on column reporting.agent_state_interval_with_inferred.counted_until_local is 'counted_until in the account''s local time.';
comment on column reporting.agent_state_interval_with_inferred.started_local_date is 'Local calendar date the row began on.';
comment on column reporting.agent_state_interval_with_inferred.call_started_at is 'For an inferred row, the start of the call (warehouse.agent_call) that proves it; NULL for an observed row.';
