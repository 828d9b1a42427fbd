-- reporting.agent_calls(account, from, to) and the view reporting.agent_call: warehouse.agent_call with names,
-- local times, direction, and its wrap-up and dead time. The pictures read it to mark calls on the timeline.
--
-- Wrap-up and dead time are stored with the call once the agent has moved on from it (the rule is in
-- warehouse.apply_snapshot_calls); until then they are the DISPO and DEAD seconds since the call's start so
-- far, a still-open interval counted up to the account's latest account-wide snapshot, read by a join.
-- The logic is a plpgsql function so that reports read only the calls that started in their period (a
-- filter on a view would not reach through the calls' aggregates); the view is the function over all time,
-- for BI tools.
create or replace function reporting.agent_calls(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id          smallint,
    account_name        text,
    user_id             bigint,
    user_full_name      text,
    call_log_id         bigint,
    started_at          timestamptz,
    ended_at            timestamptz,
    started_local       timestamp,
    ended_local         timestamp,
    started_local_date  date,
    end_reason          text,
    is_finished         boolean,
    direction           text,
    call_type           text,
    campaign_id         bigint,
    campaign_name       text,
    queue_id            bigint,
    queue_name          text,
    lead_id             bigint,
    talk_sec            integer,
    wrap_up_sec         integer,
    dead_sec            integer,
    handle_sec          integer,
    handled_at          timestamptz,
    shift_login_at      timestamptz,
    first_seen_at       timestamptz,
    ended_seen_at       timestamptz
)
language plpgsql
stable
as $$
#variable_conflict use_column
begin
return query
with

accounts as (
    select
        account.account_id,
        account.account_name,
        account.time_zone
    from warehouse.account as account
    where p_account_id is null or account.account_id = p_account_id
),

-- an agent can have had several names: show the one seen last
agent_names as (
    select distinct on (agent.account_id, agent.user_id)
        agent.account_id,
        agent.user_id,
        agent.user_full_name
    from warehouse.agent as agent
    where p_account_id is null or agent.account_id = p_account_id
    order by agent.account_id, agent.user_id, agent.last_seen_at desc
),

latest_snapshots as (
    select
        snapshot.account_id,
        max(snapshot.observed_at) as latest_snapshot_at
    from warehouse.snapshot as snapshot
    where snapshot.scope_kind = 'account'
        and (p_account_id is null or snapshot.account_id = p_account_id)
    group by snapshot.account_id
),

-- a call of the period the agent has not moved on from yet (few: the latest of an agent in call or wrap-up): every
-- DISPO and DEAD second since its start so far, the open interval up to the account's latest snapshot
unhandled_time as (
    select
        unhandled.account_id,
        unhandled.user_id,
        unhandled.started_at as call_started_at,
        sum(warehouse.whole_seconds(agent_state_interval.started_at, coalesce(agent_state_interval.ended_at,
            greatest(latest_snapshots.latest_snapshot_at, agent_state_interval.started_at))))
            filter (where reporting.status_group(status.value) = 'dispo') as wrap_up_sec,
        sum(warehouse.whole_seconds(agent_state_interval.started_at, coalesce(agent_state_interval.ended_at,
            greatest(latest_snapshots.latest_snapshot_at, agent_state_interval.started_at))))
            filter (where reporting.status_group(status.value) = 'dead') as dead_sec
    from warehouse.agent_call as unhandled
        inner join warehouse.agent_state_interval as agent_state_interval
            on agent_state_interval.account_id = unhandled.account_id
            and agent_state_interval.user_id = unhandled.user_id
            and agent_state_interval.started_at >= unhandled.started_at
        left join warehouse.label as status on status.label_id = agent_state_interval.status_ref
        left join latest_snapshots on latest_snapshots.account_id = unhandled.account_id
    where (p_account_id is null or unhandled.account_id = p_account_id)
        and unhandled.handled_seen_at is null
        and unhandled.started_at >= p_from
        and unhandled.started_at < p_to
    group by unhandled.account_id, unhandled.user_id, unhandled.started_at
),

-- the calls that started in the period, through the (account_id, started_at) index, each with its wrap-up and
-- dead seconds: stored, or so far
calls as (
    select
        agent_call.*,
        coalesce(agent_call.wrap_up_sec, unhandled_time.wrap_up_sec, 0)::integer as after_call_wrap_up_sec,
        coalesce(agent_call.dead_sec, unhandled_time.dead_sec, 0)::integer as after_call_dead_sec
    from warehouse.agent_call as agent_call
        left join unhandled_time
            on unhandled_time.account_id = agent_call.account_id
            and unhandled_time.user_id = agent_call.user_id
            and unhandled_time.call_started_at = agent_call.started_at
    where (p_account_id is null or agent_call.account_id = p_account_id)
        and agent_call.started_at >= p_from
        and agent_call.started_at < p_to
)

select
    calls.account_id,
    accounts.account_name,
    calls.user_id,
    agent_names.user_full_name,
    calls.call_log_id,
    calls.started_at,
    calls.ended_at,
    calls.started_at at time zone accounts.time_zone as started_local,
    calls.ended_at at time zone accounts.time_zone as ended_local,
    (calls.started_at at time zone accounts.time_zone)::date as started_local_date,
    coalesce(calls.end_reason, 'open') as end_reason,
    calls.end_reason = 'finished' as is_finished,
    calls.direction,
    call_types.value as call_type,
    calls.campaign_id,
    campaign_names.campaign_name,
    calls.queue_id,
    queue_names.queue_name,
    calls.lead_id,
    calls.talk_sec,
    calls.after_call_wrap_up_sec as wrap_up_sec,
    calls.after_call_dead_sec as dead_sec,
    calls.talk_sec + calls.after_call_wrap_up_sec as handle_sec,
    calls.ended_at + make_interval(secs => calls.after_call_dead_sec + calls.after_call_wrap_up_sec) as handled_at,
    calls.shift_login_at,
    calls.first_seen_at,
    calls.ended_seen_at
from calls
    inner join accounts on accounts.account_id = calls.account_id
    left join agent_names
        on agent_names.account_id = calls.account_id
        and agent_names.user_id = calls.user_id
    left join warehouse.label as call_types on call_types.label_id = calls.call_type_ref
    left join reporting.campaign_name as campaign_names
        on campaign_names.account_id = calls.account_id
        and campaign_names.campaign_id = calls.campaign_id
    left join reporting.queue_name as queue_names
        on queue_names.account_id = calls.account_id
        and queue_names.queue_id = calls.queue_id;
end
$$;
comment on function reporting.agent_calls(smallint, timestamptz, timestamptz) is 'Rows of reporting.agent_call for one account (NULL = all) and the calls that started in [p_from, p_to).';

create or replace view reporting.agent_call as
select
    agent_calls.account_id,
    agent_calls.account_name,
    agent_calls.user_id,
    agent_calls.user_full_name,
    agent_calls.call_log_id,
    agent_calls.started_at,
    agent_calls.ended_at,
    agent_calls.started_local,
    agent_calls.ended_local,
    agent_calls.started_local_date,
    agent_calls.end_reason,
    agent_calls.is_finished,
    agent_calls.direction,
    agent_calls.call_type,
    agent_calls.campaign_id,
    agent_calls.campaign_name,
    agent_calls.queue_id,
    agent_calls.queue_name,
    agent_calls.lead_id,
    agent_calls.talk_sec,
    agent_calls.wrap_up_sec,
    agent_calls.dead_sec,
    agent_calls.handle_sec,
    agent_calls.handled_at,
    agent_calls.shift_login_at,
    agent_calls.first_seen_at,
    agent_calls.ended_seen_at
from reporting.agent_calls(null, '-infinity', 'infinity') as agent_calls;

comment on view reporting.agent_call is 'One row per call a poll saw (warehouse.agent_call), with names, local times, direction, talk, wrap-up and handle seconds.';
comment on column reporting.agent_call.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_call.account_name is 'The account''s configured name.';
comment on column reporting.agent_call.user_id is 'The agent (Convoso user id).';
comment on column reporting.agent_call.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.agent_call.call_log_id is 'The API''s call_log_id; NULL when it gave none. Not unique.';
comment on column reporting.agent_call.started_at is 'The call''s start (last_call_time), exact to the second.';
comment on column reporting.agent_call.ended_at is 'The call''s end (last_call_finish), exact; NULL when no poll showed it.';
comment on column reporting.agent_call.started_local is 'started_at in the account''s time zone.';
comment on column reporting.agent_call.ended_local is 'ended_at in the account''s time zone.';
comment on column reporting.agent_call.started_local_date is 'Local date of the start: the day the call belongs to.';
comment on column reporting.agent_call.end_reason is 'finished (ended_at exact), open (in progress at the latest poll), replaced (a later call began before its finish was seen), logout, or gap.';
comment on column reporting.agent_call.is_finished is 'Whether the end is known: talk_sec and handle_sec are then set.';
comment on column reporting.agent_call.direction is 'inbound, outbound, or NULL when the answers did not say.';
comment on column reporting.agent_call.call_type is 'The API''s call_type when the call was first seen.';
comment on column reporting.agent_call.campaign_id is 'The agent''s campaign when the call was first seen.';
comment on column reporting.agent_call.campaign_name is 'That campaign''s name as last seen.';
comment on column reporting.agent_call.queue_id is 'The agent''s queue when the call was first seen.';
comment on column reporting.agent_call.queue_name is 'That queue''s name as last seen.';
comment on column reporting.agent_call.lead_id is 'The lead on the call; NULL when the call was over at its first poll.';
comment on column reporting.agent_call.talk_sec is 'Talk seconds: ended_at - started_at; NULL when the end is unknown.';
comment on column reporting.agent_call.wrap_up_sec is 'Wrap-up seconds: the DISPO intervals after the call, before the agent''s next call, next other status or the end of its shift.';
comment on column reporting.agent_call.dead_sec is 'Seconds in DEAD (the customer hung up, the agent still on the line) after the call''s start, before the agent moved on.';
comment on column reporting.agent_call.handle_sec is 'Handle seconds excluding hold: talk_sec + wrap_up_sec; NULL when the end is unknown.';
comment on column reporting.agent_call.handled_at is 'When handling the call ended: ended_at plus its dead and wrap-up time; the bucket reports count the call there (Genesys'' rule). NULL when the end is unknown.';
comment on column reporting.agent_call.shift_login_at is 'login_at of the agent''s shift (warehouse.agent_shift) when the call was first seen.';
comment on column reporting.agent_call.first_seen_at is 'observed_at of the first snapshot that showed the call.';
comment on column reporting.agent_call.ended_seen_at is 'observed_at of the snapshot that closed the row; NULL while open.';
