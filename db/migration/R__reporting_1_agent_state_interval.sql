-- reporting.agent_state_interval: warehouse.agent_state_interval with names and status text, the
-- status family, the account's local times and a duration that also covers still-open intervals.
create or replace view reporting.agent_state_interval as
with

intervals as (
    select
        agent_state_interval.account_id,
        agent_state_interval.user_id,
        agent_state_interval.started_at,
        agent_state_interval.ended_at,
        -- an open interval is known to last until the last snapshot that showed it, no further
        coalesce(agent_state_interval.ended_at,
            greatest(latest_snapshot.observed_at, agent_state_interval.started_at))
            as counted_until,
        agent_state_interval.end_reason,
        agent_state_interval.status_ref,
        agent_state_interval.status_label_ref,
        agent_state_interval.campaign_id,
        agent_state_interval.queue_id,
        agent_state_interval.shift_login_at,
        agent_state_interval.first_seen_at,
        coalesce(agent_state_interval.last_seen_at, latest_snapshot.observed_at)
            as last_seen_at
    from warehouse.agent_state_interval as agent_state_interval
    left join reporting.latest_snapshot as latest_snapshot on latest_snapshot.account_id = agent_state_interval.account_id
)

select
    intervals.account_id,
    account.account_name,
    account.time_zone,
    intervals.user_id,
    agent_name.user_full_name,
    status_labels.value as status,
    status_label_labels.value as status_label,
    status_labels.status_group,
    intervals.campaign_id,
    intervals.queue_id,
    intervals.shift_login_at,
    intervals.started_at,
    intervals.ended_at,
    intervals.counted_until,
    intervals.end_reason,
    intervals.ended_at is null as is_open,
    extract(epoch from intervals.counted_until - intervals.started_at) as duration_sec,
    intervals.started_at at time zone account.time_zone as started_local,
    intervals.counted_until at time zone account.time_zone as counted_until_local,
    (intervals.started_at at time zone account.time_zone)::date as started_local_date,
    intervals.first_seen_at,
    intervals.last_seen_at
from intervals
    inner join warehouse.account as account on account.account_id = intervals.account_id
    left join reporting.agent_name as agent_name on agent_name.account_id = intervals.account_id and agent_name.user_id = intervals.user_id
    -- labels joined directly, not through a CTE: a materialized CTE would keep every query on the
    -- view from running in parallel, and a label the query does not use could not be left out; the
    -- status family is named in the labels' subquery, so it is worked out once per label, not per interval
    left join (
        select
            label.label_id,
            label.value,
            reporting.status_group(label.value) as status_group
        from warehouse.label as label
    ) as status_labels on status_labels.label_id = intervals.status_ref
    left join warehouse.label as status_label_labels on status_label_labels.label_id = intervals.status_label_ref;

comment on view reporting.agent_state_interval is 'One row per stretch of one status of one agent (warehouse.agent_state_interval) with names, status text, status family and local times.';
comment on column reporting.agent_state_interval.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_state_interval.account_name is 'The account''s configured name.';
comment on column reporting.agent_state_interval.time_zone is 'The account''s IANA time zone; every *_local column is in it.';
comment on column reporting.agent_state_interval.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_state_interval.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.agent_state_interval.status is 'API status (READY, WAIT, INCALL, DISPO, PAUSED, DEAD...).';
comment on column reporting.agent_state_interval.status_label is 'Friendly status name as sent (for PAUSED it may carry the pause reason).';
comment on column reporting.agent_state_interval.status_group is 'Status family: ready, wait, incall, dispo, paused, dead or other (reporting.status_group).';
comment on column reporting.agent_state_interval.campaign_id is 'The agent''s campaign when the status began.';
comment on column reporting.agent_state_interval.queue_id is 'The agent''s queue when the status began.';
comment on column reporting.agent_state_interval.shift_login_at is 'login_at of the shift (reporting.agent_shift) this interval belongs to.';
comment on column reporting.agent_state_interval.started_at is 'When the status began: the API''s last_state_change, exact to the second.';
comment on column reporting.agent_state_interval.ended_at is 'When it ended; NULL while the agent is still in it.';
comment on column reporting.agent_state_interval.counted_until is 'ended_at, or for an open interval the last time a snapshot showed it: time is never counted beyond what was observed.';
comment on column reporting.agent_state_interval.end_reason is 'state_change, logout or gap (polling stopped; the time after the last snapshot is not counted); NULL while open.';
comment on column reporting.agent_state_interval.is_open is 'True while the agent is still in this status.';
comment on column reporting.agent_state_interval.duration_sec is 'Seconds from started_at to counted_until.';
comment on column reporting.agent_state_interval.started_local is 'started_at in the account''s local time.';
comment on column reporting.agent_state_interval.counted_until_local is 'counted_until in the account''s local time.';
comment on column reporting.agent_state_interval.started_local_date is 'Local calendar date the status began on.';
comment on column reporting.agent_state_interval.first_seen_at is 'observed_at of the first snapshot that showed this status.';
comment on column reporting.agent_state_interval.last_seen_at is 'observed_at of the last snapshot that showed this status.';

-- The settled aggregates (V13) were computed with the definitions in this file: whenever it changes, and so
-- runs again, every account is settled anew from its first interval (warehouse.settle_aggregates).
update warehouse.settled_until
set settled_until = '-infinity';
