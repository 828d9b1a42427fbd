-- reporting.polls(account, from, to) and the view reporting.poll: one row per call made to the API,
-- loaded or failed, for coverage reports.
-- A loaded call is a warehouse.snapshot; a failed one is a row of reporting.failed_poll.
-- The logic is a function so that reports read only the calls received in their period; the view is
-- the function over all time, for BI tools.
-- reporting.failed_poll: one row per call that brought no usable answer: an ingest.rejected_record of
-- the whole answer (json_path '$'), either no answer at all ("no answer for scope ...") or an answer
-- refused. A view, so that readers, who may not read ingest, see these rows.
create or replace view reporting.failed_poll as
with

whole_answer_rejections as (
    select
        rejected_record.rejected_record_id,
        rejected_record.account_id,
        rejected_record.received_at,
        rejected_record.raw_payload_id,
        rejected_record.reason
    from ingest.rejected_record as rejected_record
    where rejected_record.json_path = '$'
),

raw_payloads as (
    select
        raw_payload.raw_payload_id,
        raw_payload.received_at,
        raw_payload.scope_kind,
        raw_payload.scope_id
    from ingest.raw_payload as raw_payload
)

-- a call without an answer names its scope only in the reason: "no answer for scope queue:7: ..." or
-- "no answer for scope account: ..."; the kinds are spelled out because PostgreSQL takes the longest
-- match, and "account: <reason up to a colon>" would otherwise pass for a scope
select
    whole_answer_rejections.account_id,
    coalesce(raw_payloads.scope_kind,
        split_part(substring(whole_answer_rejections.reason from '^no answer for scope (account|(campaign|queue|user|skill):[^:]*):'), ':', 1),
        'unknown') as scope_kind,
    coalesce(raw_payloads.scope_id,
        split_part(substring(whole_answer_rejections.reason from '^no answer for scope (account|(campaign|queue|user|skill):[^:]*):'), ':', 2),
        '') as scope_id,
    whole_answer_rejections.received_at,
    whole_answer_rejections.reason as failure_reason
from whole_answer_rejections
    left join raw_payloads on raw_payloads.raw_payload_id = whole_answer_rejections.raw_payload_id
        and raw_payloads.received_at = whole_answer_rejections.received_at;

comment on view reporting.failed_poll is 'One row per call to the Agent Monitor API that brought no usable answer (no answer, or the answer refused); reporting.poll lists them with the loaded ones.';
comment on column reporting.failed_poll.account_id is 'The account (warehouse.account).';
comment on column reporting.failed_poll.scope_kind is 'What the call was filtered by: account, campaign, queue, user or skill (unknown if the failure did not say).';
comment on column reporting.failed_poll.scope_id is 'The filter value; empty for the account scope.';
comment on column reporting.failed_poll.received_at is 'When the job got the answer or gave up (its own clock).';
comment on column reporting.failed_poll.failure_reason is 'Why it failed (ingest.rejected_record.reason).';

create or replace function reporting.polls(p_account_id smallint, p_from timestamptz, p_to timestamptz)
returns table (
    account_id              smallint,
    account_name            text,
    time_zone               text,
    scope_kind              text,
    scope_id                text,
    received_at             timestamptz,
    received_local          timestamp,
    received_local_date     date,
    observed_at             timestamptz,
    is_failed               boolean,
    failure_reason          text,
    snapshot_id             bigint,
    clock_skew_sec          integer,
    agent_count             integer,
    seconds_since_previous  numeric
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

-- the answers received in the period
period_snapshots as (
    select
        snapshot.account_id,
        snapshot.observed_at
    from warehouse.snapshot as snapshot
    where (p_account_id is null or snapshot.account_id = p_account_id)
        and snapshot.received_at >= p_from
        and snapshot.received_at < p_to
),

-- consecutive answers are consecutive on the source's clock (observed_at), which a skewed clock can
-- put outside the period: every answer observed between the earliest and the latest observed_at of the
-- period's answers is read, so an answer's previous one is among them unless it is its scope's first
observed_spans as (
    select
        period_snapshots.account_id,
        min(period_snapshots.observed_at) as first_observed_at,
        max(period_snapshots.observed_at) as last_observed_at
    from period_snapshots
    group by period_snapshots.account_id
),

snapshots as (
    select
        snapshot.snapshot_id,
        snapshot.account_id,
        snapshot.scope_kind,
        snapshot.scope_id,
        snapshot.observed_at,
        snapshot.received_at,
        snapshot.clock_skew_sec,
        snapshot.agent_count,
        lag(snapshot.observed_at) over (
            partition by snapshot.account_id, snapshot.scope_kind, snapshot.scope_id
            order by snapshot.observed_at, snapshot.received_at) as previous_observed_at
    from observed_spans
        inner join warehouse.snapshot as snapshot on snapshot.account_id = observed_spans.account_id
            and snapshot.observed_at >= observed_spans.first_observed_at
            and snapshot.observed_at <= observed_spans.last_observed_at
),

-- spacing of consecutive loaded answers of one scope, on the source's own clock; the first answer of a
-- scope among those read looks its previous one up: it was observed before all of them
loaded_polls as (
    select
        snapshots.account_id,
        snapshots.scope_kind,
        snapshots.scope_id,
        snapshots.received_at,
        snapshots.observed_at,
        false as is_failed,
        cast(null as text) as failure_reason,
        snapshots.snapshot_id,
        snapshots.clock_skew_sec,
        snapshots.agent_count,
        extract(epoch from snapshots.observed_at - coalesce(snapshots.previous_observed_at, (
            select max(earlier.observed_at)
            from warehouse.snapshot as earlier
            where earlier.account_id = snapshots.account_id
                and earlier.scope_kind = snapshots.scope_kind
                and earlier.scope_id = snapshots.scope_id
                and earlier.observed_at < snapshots.observed_at))) as seconds_since_previous
    from snapshots
    where snapshots.received_at >= p_from
        and snapshots.received_at < p_to
),

-- calls that brought no usable answer, through the view: it reads ingest, which a reader may not
failed_polls as (
    select
        failed_poll.account_id,
        failed_poll.scope_kind,
        failed_poll.scope_id,
        failed_poll.received_at,
        cast(null as timestamptz) as observed_at,
        true as is_failed,
        failed_poll.failure_reason,
        cast(null as bigint) as snapshot_id,
        cast(null as integer) as clock_skew_sec,
        cast(null as integer) as agent_count,
        cast(null as numeric) as seconds_since_previous
    from reporting.failed_poll as failed_poll
    where (p_account_id is null or failed_poll.account_id = p_account_id)
        and failed_poll.received_at >= p_from
        and failed_poll.received_at < p_to
),

polls as (
    select * from loaded_polls
    union all
    select * from failed_polls
)

select
    polls.account_id,
    accounts.account_name,
    accounts.time_zone,
    polls.scope_kind,
    polls.scope_id,
    polls.received_at,
    polls.received_at at time zone accounts.time_zone as received_local,
    (polls.received_at at time zone accounts.time_zone)::date as received_local_date,
    polls.observed_at,
    polls.is_failed,
    polls.failure_reason,
    polls.snapshot_id,
    polls.clock_skew_sec,
    polls.agent_count,
    polls.seconds_since_previous
from polls
    inner join accounts on accounts.account_id = polls.account_id;
end
$$;
comment on function reporting.polls(smallint, timestamptz, timestamptz) is 'Rows of reporting.poll for one account (NULL = all) and the calls received in [p_from, p_to).';

create or replace view reporting.poll as
select * from reporting.polls(null, '-infinity', 'infinity');

comment on view reporting.poll is 'One row per call made to the Agent Monitor API: loaded (a snapshot) or failed (no answer, or the answer refused).';
comment on column reporting.poll.account_id is 'The account (warehouse.account).';
comment on column reporting.poll.account_name is 'The account''s configured name.';
comment on column reporting.poll.time_zone is 'The account''s IANA time zone; *_local columns are in it.';
comment on column reporting.poll.scope_kind is 'What the call was filtered by: account, campaign, queue, user or skill (unknown if a failure did not say).';
comment on column reporting.poll.scope_id is 'The filter value; empty for the account scope.';
comment on column reporting.poll.received_at is 'When the job got the answer or gave up (its own clock).';
comment on column reporting.poll.received_local is 'received_at in the account''s local time.';
comment on column reporting.poll.received_local_date is 'Local date of received_at.';
comment on column reporting.poll.observed_at is 'The answer''s own time (data.time); NULL for a failed call.';
comment on column reporting.poll.is_failed is 'True when the call brought no usable answer.';
comment on column reporting.poll.failure_reason is 'Why it failed (ingest.rejected_record.reason); NULL when loaded.';
comment on column reporting.poll.snapshot_id is 'The snapshot loaded (warehouse.snapshot); NULL when failed.';
comment on column reporting.poll.clock_skew_sec is 'observed_at - received_at in seconds; whole hours usually mean a wrong time zone setting.';
comment on column reporting.poll.agent_count is 'Agent rows the answer carried.';
comment on column reporting.poll.seconds_since_previous is 'Seconds since the previous loaded answer of the same scope (source clock); NULL for the first and for failures.';
