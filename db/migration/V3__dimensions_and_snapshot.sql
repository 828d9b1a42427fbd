-- Accounts, the dictionary of repeated strings, the named dimensions and the snapshot header.

create table warehouse.account (
    account_id   smallint generated always as identity,
    account_name text not null,
    time_zone    text not null,
    created_at   timestamptz not null default now(),
    constraint account_pk primary key (account_id),
    constraint account_name_unique unique (account_name)
);
comment on table warehouse.account is 'One row per configured Convoso account; time_zone is the IANA zone its timestamps are read in.';

-- Repeated strings (statuses, channel types, names, CSS classes...) are stored once here and
-- referenced by a 4-byte id from the per-poll facts: a minute-by-minute agent table repeats them
-- millions of times a day.
create table warehouse.label (
    label_id integer generated always as identity,
    field    text not null,
    value    text not null,
    constraint label_pk primary key (label_id),
    constraint label_once unique (field, value)
);
comment on table warehouse.label is 'Dictionary of repeated strings: field is the API field name, value its exact text.';

-- The named dimensions share one shape: an id, a name, and when that name was first and last seen.
-- A renamed agent gets a second row, so history is kept rather than overwritten.
create table warehouse.agent (
    account_id     smallint    not null references warehouse.account,
    user_id        bigint      not null,
    user_full_name text        not null,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    constraint agent_pk primary key (account_id, user_id, user_full_name)
);
comment on table warehouse.agent is 'Agents by id and name; one row per name an agent has had. last_seen_at moves forward in steps of at most 15 minutes.';

create table warehouse.campaign (
    account_id    smallint    not null references warehouse.account,
    campaign_id   bigint      not null,
    campaign_name text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    constraint campaign_pk primary key (account_id, campaign_id, campaign_name)
);
comment on table warehouse.campaign is 'Campaigns by id and name; one row per name a campaign has had.';

create table warehouse.queue (
    account_id    smallint    not null references warehouse.account,
    queue_id      bigint      not null,
    queue_name    text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    constraint queue_pk primary key (account_id, queue_id, queue_name)
);
comment on table warehouse.queue is 'Queues by id and name; one row per name a queue has had.';

create table warehouse.snapshot (
    snapshot_id      bigint generated always as identity,
    account_id       smallint    not null references warehouse.account,
    scope_kind       text        not null,
    scope_id         text        not null default '',
    observed_at      timestamptz not null,
    received_at      timestamptz not null,
    time             timestamptz,
    clock_skew_sec   integer     not null,
    http_status      smallint,
    latency_ms       integer,
    payload_hash     bytea       not null,
    agent_count      integer     not null,
    rejected_count   integer     not null,
    success          boolean     not null,
    entries_success  boolean,
    entries_code     integer,
    out_of_funds     boolean,
    available_agents integer,
    logged_in_agents integer,
    campaigns        jsonb,
    queues           jsonb,
    call_data        jsonb,
    constraint snapshot_pk primary key (snapshot_id),
    constraint snapshot_scope_kind check (scope_kind in ('account', 'campaign', 'queue', 'user', 'skill')),
    -- The same answer loaded twice adds nothing; two different answers are never taken for one.
    constraint snapshot_once unique (account_id, scope_kind, scope_id, observed_at, payload_hash)
);
create index snapshot_account_observed on warehouse.snapshot (account_id, observed_at);
comment on table warehouse.snapshot is 'One row per API answer loaded: the key every fact row carries.';
comment on column warehouse.snapshot.scope_kind is 'What the call was filtered by: account (no filter), campaign, queue, user or skill.';
comment on column warehouse.snapshot.scope_id is 'The filter value: campaign_id, queue_id, user_id or the skill list; empty for the account scope.';
comment on column warehouse.snapshot.observed_at is 'The answer''s own data.time converted with the account time zone, else received_at.';
comment on column warehouse.snapshot.received_at is 'When the job received the answer (its own clock).';
comment on column warehouse.snapshot.time is 'data.time as sent by the API, converted with the account time zone; NULL when absent.';
comment on column warehouse.snapshot.clock_skew_sec is 'observed_at - received_at in seconds; whole hours usually mean a wrong time zone setting.';
comment on column warehouse.snapshot.payload_hash is 'SHA-256 of the answer body; part of the idempotency key.';
comment on column warehouse.snapshot.agent_count is 'Agent rows loaded into agent_snapshot from this answer.';
comment on column warehouse.snapshot.rejected_count is 'Records of this answer rejected into ingest.rejected_record.';
comment on column warehouse.snapshot.success is 'The answer''s top-level success flag.';
comment on column warehouse.snapshot.entries_success is 'data.entries.success.';
comment on column warehouse.snapshot.entries_code is 'data.entries.code.';
comment on column warehouse.snapshot.campaigns is 'data.entries.campaigns exactly as sent (value/name pairs).';
comment on column warehouse.snapshot.queues is 'data.entries.queues exactly as sent (value/name pairs).';
comment on column warehouse.snapshot.call_data is 'data.entries.call_data exactly as sent.';
