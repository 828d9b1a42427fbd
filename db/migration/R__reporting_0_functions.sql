-- Small functions the reporting views and sql-reports share, so a rule is written once.

-- The status families every report and the derivation's agent_shift totals use, written once. The
-- seven families match the *_sec columns of warehouse.agent_shift; anything Convoso adds later falls
-- into 'other' rather than disappearing. A searched CASE, because Citus deparses a simple one wrongly;
-- IMMUTABLE and one select, so the planner inlines it into the statements that call it.
create or replace function reporting.status_group(status text)
returns text
language sql
immutable
parallel safe
as $$
    -- a searched CASE: Citus deparses a simple CASE inlined into a distributed query wrongly
    select case
        when upper(status) = 'READY' then 'ready'
        when upper(status) = 'WAIT' then 'wait'
        when upper(status) = 'INCALL' then 'incall'
        when upper(status) = 'DISPO' then 'dispo'
        when upper(status) = 'PAUSED' then 'paused'
        when upper(status) = 'DEAD' then 'dead'
        else 'other'
    end
$$;
comment on function reporting.status_group(text) is 'Status family of an API status: ready, wait, incall, dispo, paused, dead or other.';

-- Start of the report bucket an instant falls in, in the account's local time. Buckets of 15, 30
-- and 60 minutes are floored on the local minute of the hour and stay instants, so the repeated
-- hour of a fall-back day gives two buckets (25 hourly buckets) and the skipped hour of a
-- spring-forward day gives none (23). 1440 means the local calendar day (23, 24 or 25 hours long).
create or replace function reporting.bucket_start(at timestamptz, bucket_minutes integer, time_zone text)
returns timestamptz
language plpgsql
stable
parallel safe
as $$
begin
    if bucket_minutes = 1440 then
        return ((at at time zone time_zone)::date)::timestamp at time zone time_zone;
    elsif bucket_minutes in (15, 30, 60) then
        return date_trunc('minute', at)
            - make_interval(mins => extract(minute from at at time zone time_zone)::integer % bucket_minutes);
    end if;
    raise exception 'bucket must be 15, 30, 60 or 1440 minutes, not %', bucket_minutes
        using errcode = 'invalid_parameter_value';
end;
$$;
comment on function reporting.bucket_start(timestamptz, integer, text) is 'Start of the 15/30/60-minute or 1440 (local day) bucket holding an instant, in the given IANA zone; DST days get 23 or 25 hourly buckets.';

-- The UTC offset in force at an instant in a zone, e.g. -07:00:00; it tells the two 01:00 buckets of
-- a fall-back day apart without depending on the session's TimeZone setting.
create or replace function reporting.utc_offset(at timestamptz, time_zone text)
returns interval
language sql
stable
parallel safe
as $$
    select (at at time zone time_zone) - (at at time zone 'UTC')
$$;
comment on function reporting.utc_offset(timestamptz, text) is 'UTC offset in force at an instant in an IANA zone (e.g. -07:00:00).';

-- The starts of the quarter hours [started_at, ended_at) touches. A function rather than an inline
-- generate_series so the planner knows it yields a handful of rows, not its default guess of 1000
-- per interval (which made tiny queries pay for JIT compilation). The SET clause keeps it from
-- being inlined, which would bring the guess back.
create or replace function reporting.quarter_hours_touching(started_at timestamptz, ended_at timestamptz)
returns setof timestamptz
language sql
immutable
parallel safe
rows 3
set search_path = pg_catalog
as $$
    select generate_series(
        date_bin(interval '15 minutes', started_at, timestamptz '2000-01-01 00:00:00+00'),
        ended_at - interval '1 microsecond',
        interval '15 minutes')
$$;
comment on function reporting.quarter_hours_touching(timestamptz, timestamptz) is 'Starts of the quarter hours (aligned in every zone) that the span [started_at, ended_at) touches.';

-- The local calendar days [started_at, ended_at) touches in a zone; a function for the same reason.
create or replace function reporting.local_days_touching(started_at timestamptz, ended_at timestamptz, time_zone text)
returns setof date
language sql
stable
parallel safe
rows 1
set search_path = pg_catalog
as $$
    select local_day::date
    from generate_series(
        (started_at at time zone time_zone)::date::timestamp,
        ((ended_at - interval '1 microsecond') at time zone time_zone)::date::timestamp,
        interval '1 day') as local_day
$$;
comment on function reporting.local_days_touching(timestamptz, timestamptz, text) is 'Local calendar dates (in the given IANA zone) that the span [started_at, ended_at) touches.';

-- When each account was last seen whole: open intervals and shifts last until then. The derivation does
-- not rewrite every open row at every poll; their agents are, by construction, in this snapshot. A view
-- that readers join on account_id, not a function they call per row: Citus runs such a join next to the
-- account's rows, where a per-row call would query the cluster from inside a shard.
create or replace view reporting.latest_snapshot as
select
    snapshot.account_id,
    max(snapshot.observed_at) as observed_at
from warehouse.snapshot as snapshot
where snapshot.scope_kind = 'account'
group by snapshot.account_id;
comment on view reporting.latest_snapshot is 'observed_at of each account''s latest account-wide snapshot: the last time every open interval and shift was seen.';
comment on column reporting.latest_snapshot.account_id is 'The account (warehouse.account).';
comment on column reporting.latest_snapshot.observed_at is 'observed_at of the account''s latest account-wide snapshot.';

-- The longest time any interval of an account is counted for (counted_until - started_at, as
-- reporting.agent_state_interval computes it): an interval overlapping [from, to) began after
-- from - this, which lets range reads bound started_at from below as well, exactly. Closed intervals
-- come from the index on their duration, open ones (one per logged-in agent at most) run to the latest
-- snapshot.
create or replace function reporting.longest_interval(account_id smallint)
returns interval
language plpgsql
stable
parallel safe
as $$
begin
    -- plpgsql, not sql: Citus plans each statement for the one account, where it cannot plan a parameterized
    -- sql function that reads a distributed table
    return greatest(
        (select max(closed.ended_at - closed.started_at)
         from warehouse.agent_state_interval as closed
         where closed.account_id = longest_interval.account_id),
        (select latest_snapshot.observed_at - min(open.started_at)
         from warehouse.agent_state_interval as open
             inner join reporting.latest_snapshot as latest_snapshot on latest_snapshot.account_id = open.account_id
         where open.account_id = longest_interval.account_id
             and open.ended_at is null
         group by latest_snapshot.observed_at),
        interval '0');
end
$$;
comment on function reporting.longest_interval(smallint) is 'Longest counted duration (counted_until - started_at) of any interval of the account: intervals overlapping [from, to) began after from minus this.';

-- The settled aggregates (V13) were computed with the definitions in this file: whenever it changes, and so
-- runs again, every account is settled anew from its first interval (warehouse.settle_aggregates).
update warehouse.settled_until
set settled_until = '-infinity';
