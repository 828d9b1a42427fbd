-- What every file in sql-reports/ starts from, written once: the accounts and period a report is run for,
-- its quarter hours and buckets, and the calls handled in it.

-- The accounts a report covers (account '' = every account) and its period, given as local dates or times
-- (no offset) in each account's own time zone, as instants and as local times. plpgsql, not sql: Citus plans
-- a function that reads a table only as plpgsql (docs/scale.md).
create or replace function reporting.report_period(p_from text, p_to text, p_account text)
returns table (
    account_id   smallint,
    account_name text,
    time_zone    text,
    from_local   timestamp,
    to_local     timestamp,
    from_at      timestamptz,
    to_at        timestamptz
)
language plpgsql
stable
rows 1
as $$
begin
    return query
    select
        account.account_id,
        account.account_name,
        account.time_zone,
        cast(p_from as timestamp),
        cast(p_to as timestamp),
        cast(p_from as timestamp) at time zone account.time_zone,
        cast(p_to as timestamp) at time zone account.time_zone
    from reporting.account as account
    where p_account = '' or account.account_name = p_account;
end
$$;
comment on function reporting.report_period(text, text, text) is 'The accounts a report covers (p_account '''' = all) with its period [p_from, p_to), given in local time, as local times and as instants in each account''s zone.';

-- The quarter hours of a period, each with the start of the report bucket it belongs to (reporting.bucket_start).
-- sql and no table read, so the planner inlines it and sees the series it is.
create or replace function reporting.period_quarter_hours(p_from_at timestamptz, p_to_at timestamptz,
    p_bucket_minutes integer, p_time_zone text)
returns table (
    quarter_start timestamptz,
    bucket_start  timestamptz
)
language sql
stable
parallel safe
as $$
    select
        quarter.quarter_start,
        reporting.bucket_start(quarter.quarter_start, p_bucket_minutes, p_time_zone)
    from generate_series(
        date_bin(interval '15 minutes', p_from_at, timestamptz '2000-01-01 00:00:00+00'),
        p_to_at - interval '1 microsecond',
        interval '15 minutes') as quarter(quarter_start)
$$;
comment on function reporting.period_quarter_hours(timestamptz, timestamptz, integer, text) is 'Quarter hours of [p_from_at, p_to_at), each with the start of its 15/30/60/1440-minute bucket in the zone.';

-- Calls seen and finished whose wrap-up ended in [p_from_at, p_to_at), with the quarter hour it ended in: a
-- call is counted where it was handled (Genesys' rule). Read from a day before the period: no call with its
-- wrap-up lasts a day.
create or replace function reporting.handled_calls(p_account_id smallint, p_from_at timestamptz, p_to_at timestamptz)
returns table (
    account_id    smallint,
    campaign_id   bigint,
    queue_id      bigint,
    quarter_start timestamptz,
    handle_sec    integer
)
language plpgsql
stable
as $$
begin
    return query
    select
        agent_call.account_id,
        agent_call.campaign_id,
        agent_call.queue_id,
        date_bin(interval '15 minutes', agent_call.handled_at, timestamptz '2000-01-01 00:00:00+00'),
        agent_call.handle_sec
    from reporting.agent_calls(p_account_id, p_from_at - interval '1 day', p_to_at) as agent_call
    where agent_call.is_finished
        and agent_call.handled_at >= p_from_at
        and agent_call.handled_at < p_to_at;
end
$$;
comment on function reporting.handled_calls(smallint, timestamptz, timestamptz) is 'Finished calls of an account whose wrap-up ended in [p_from_at, p_to_at), with that quarter hour and their handle seconds.';
