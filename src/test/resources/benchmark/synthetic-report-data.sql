-- Synthesizes :days days of derived facts and counters from :start_day for an account of
-- :agents agents and :queues queues, at the volumes such an account produces, so report latency
-- can be timed without polling 30 days × 1,440 answers through the pipeline.
-- Realistic in row counts, index shapes and value spread, not in behaviour:
--   agent_shift           one shift per agent per day (login spread over 06:00-10:00 local)
--   agent_state_interval  100 intervals per agent-day, 288 s each, READY → INCALL → DISPO, every 10th PAUSED
--   snapshot              one account-wide answer a minute and one per queue a minute
--   campaign_stats        1,440 rows a day (the account-wide counters)
--   queue_stats           1,440 rows a day per queue
--   agent_call            one finished call per INCALL interval (30 per agent-day), its wrap-up stored
-- Run with psql: -v days=30 -v start_day=2025-04-01 -v agents=1000 -v queues=10
\set ON_ERROR_STOP on
set client_min_messages = warning;
-- A bulk load of consistent rows: skip the per-row foreign key triggers.
set session_replication_role = replica;

insert into warehouse.account (account_name, time_zone)
values ('bench-reports', 'America/Los_Angeles')
on conflict (account_name) do nothing;
select account_id as account_id from warehouse.account where account_name = 'bench-reports' \gset

insert into warehouse.label (field, value)
select field, value
from unnest(array['status', 'status', 'status', 'status', 'status_label', 'status_label', 'status_label', 'status_label'],
            array['READY', 'INCALL', 'DISPO', 'PAUSED', 'Ready', 'In Call', 'Wrap Up', 'Paused']) as l(field, value)
on conflict on constraint label_once do nothing;

select warehouse.ensure_partitions((:'start_day'::date - 1)::timestamptz, (:'start_day'::date + :days + 1)::timestamptz);

create temporary table synthetic_shift as
select
    day.day,
    agent.user_id,
    ((cast(day.day as date) + time '06:00') + make_interval(secs => (agent.user_id * 7919) % 14400))
        at time zone 'America/Los_Angeles' as login_at
from generate_series(:'start_day'::date, :'start_day'::date + :days - 1, interval '1 day') as day(day)
    cross join generate_series(100001, 100000 + :agents) as agent(user_id);

insert into warehouse.agent_shift (account_id, user_id, login_at, logout_at, end_reason, last_seen_at, ready_sec,
    incall_sec, dispo_sec, paused_sec, calls_handled, last_calls_today, campaign_id)
select :account_id, user_id, login_at, login_at + interval '288 seconds' * 100, 'logout',
    login_at + interval '288 seconds' * 100, 30 * 288, 30 * 288, 30 * 288, 10 * 288, 30, 30, 1 + user_id % 10
from synthetic_shift;

insert into warehouse.agent_state_interval (account_id, user_id, started_at, ended_at, end_reason, status_ref,
    status_label_ref, campaign_id, queue_id, shift_login_at, first_seen_at, last_seen_at)
select
    :account_id,
    shift.user_id,
    shift.login_at + interval '288 seconds' * step.n,
    shift.login_at + interval '288 seconds' * (step.n + 1),
    case when step.n = 99 then 'logout' else 'state_change' end,
    status.label_id,
    status_label.label_id,
    1 + shift.user_id % 10,
    1 + shift.user_id % :queues,
    shift.login_at,
    shift.login_at + interval '288 seconds' * step.n + interval '30 seconds',
    shift.login_at + interval '288 seconds' * (step.n + 1) - interval '30 seconds'
from synthetic_shift as shift
    cross join generate_series(0, 99) as step(n)
    inner join warehouse.label as status
        on status.field = 'status'
        and status.value = case when step.n % 10 = 9 then 'PAUSED' else (array['READY', 'INCALL', 'DISPO'])[1 + step.n % 3] end
    inner join warehouse.label as status_label
        on status_label.field = 'status_label'
        and status_label.value = case when step.n % 10 = 9 then 'Paused' else (array['Ready', 'In Call', 'Wrap Up'])[1 + step.n % 3] end;

create temporary table synthetic_minute as
select
    minute.observed_at,
    extract(hour from minute.observed_at at time zone 'America/Los_Angeles') * 60
        + extract(minute from minute.observed_at at time zone 'America/Los_Angeles') as minute_of_day
from generate_series((:'start_day'::date)::timestamp at time zone 'America/Los_Angeles',
    (:'start_day'::date + :days)::timestamp at time zone 'America/Los_Angeles' - interval '1 minute',
    interval '1 minute') as minute(observed_at);

insert into warehouse.snapshot (account_id, scope_kind, scope_id, observed_at, received_at, time, clock_skew_sec,
    http_status, latency_ms, payload_hash, agent_count, rejected_count, success, available_agents, logged_in_agents)
select :account_id, scope.kind, scope.id, minute.observed_at, minute.observed_at, minute.observed_at, 0, 200, 80,
    sha256(convert_to(scope.kind || scope.id || minute.observed_at::text, 'UTF8')),
    case when scope.kind = 'account' then :agents * 8 / 10 else 0 end, 0, true, :agents / 10, :agents * 8 / 10
from synthetic_minute as minute
    cross join (select 'account' as kind, '' as id
                union all
                select 'queue', queue_id::text from generate_series(1, :queues) as queue(queue_id)) as scope;

insert into warehouse.campaign_stats (snapshot_id, observed_at, account_id, campaign_id, dialable_leads, calls_today,
    manual_calls_today, dropped, dropped_percent, answered, hopper, calls_placed, calls_ringing, agent_total,
    agent_incall, agent_ready, agent_paused, agent_dead, agent_dispo)
select snapshot.snapshot_id, snapshot.observed_at, snapshot.account_id, null, 50000, minute.minute_of_day * 3,
    minute.minute_of_day / 10, minute.minute_of_day * 3 / 40, 2.5, minute.minute_of_day * 2, 200, 40, 20,
    :agents * 8 / 10, :agents * 4 / 10, :agents * 15 / 100, :agents * 15 / 100, 0, :agents / 10
from warehouse.snapshot as snapshot
    inner join synthetic_minute as minute on minute.observed_at = snapshot.observed_at
where snapshot.account_id = :account_id
    and snapshot.scope_kind = 'account';

insert into warehouse.queue_stats (snapshot_id, observed_at, account_id, queue_id, queue_dialable_leads,
    queue_calls_today, queue_dropped, queue_answered, queue_answered_percent, queue_dropped_percent,
    inbound_total_agents_today)
select snapshot.snapshot_id, snapshot.observed_at, snapshot.account_id, snapshot.scope_id::bigint, 1000,
    minute.minute_of_day / 2, minute.minute_of_day / 50, minute.minute_of_day / 2 - minute.minute_of_day / 50,
    96.0, 4.0, :agents / :queues
from warehouse.snapshot as snapshot
    inner join synthetic_minute as minute on minute.observed_at = snapshot.observed_at
where snapshot.account_id = :account_id
    and snapshot.scope_kind = 'queue';

-- one finished call per INCALL interval, as long as it; every fourth inbound
insert into warehouse.agent_call (account_id, user_id, started_at, ended_at, end_reason, talk_sec, direction, campaign_id,
    queue_id, shift_login_at, first_seen_at, ended_seen_at, wrap_up_sec, dead_sec, handled_seen_at)
select
    call.account_id,
    call.user_id,
    call.started_at,
    call.ended_at,
    'finished',
    extract(epoch from call.ended_at - call.started_at)::integer,
    case when call.user_id % 4 = 0 then 'inbound' else 'outbound' end,
    call.campaign_id,
    call.queue_id,
    call.shift_login_at,
    call.first_seen_at,
    call.last_seen_at,
    -- the wrap-up is the DISPO interval that follows, if one does; the agent has moved on when the next other
    -- interval is first seen
    case when call.next_status = 'DISPO' then extract(epoch from call.next_ended_at - call.ended_at)::integer else 0 end,
    0,
    case when call.next_status = 'DISPO' then call.after_next_first_seen_at else call.next_first_seen_at end
from (
    select
        agent_state_interval.*,
        status.value as status,
        lead(status.value) over shift_order as next_status,
        lead(agent_state_interval.ended_at) over shift_order as next_ended_at,
        lead(agent_state_interval.first_seen_at) over shift_order as next_first_seen_at,
        lead(agent_state_interval.first_seen_at, 2) over shift_order as after_next_first_seen_at
    from warehouse.agent_state_interval as agent_state_interval
        inner join warehouse.label as status on status.label_id = agent_state_interval.status_ref
    where agent_state_interval.account_id = :account_id
    window shift_order as (partition by agent_state_interval.user_id, agent_state_interval.shift_login_at
        order by agent_state_interval.started_at)
) as call
where call.status = 'INCALL';

reset session_replication_role;
analyze;
