-- What came in, as it came: the raw archive, records that could not be stored, and fields the
-- documentation does not list.

-- Every answer, compressed, whether it loaded or not; replay re-parses from here.
create table ingest.raw_payload (
    raw_payload_id bigint generated always as identity,
    received_at    timestamptz not null,
    account_id     smallint    not null,
    scope_kind     text        not null,
    scope_id       text        not null default '',
    request_url    text,
    http_status    smallint,
    latency_ms     integer,
    content_type   text,
    body_bytes     integer     not null,
    body_gzip      bytea       not null,
    payload_hash   bytea       not null,
    outcome        text        not null,
    snapshot_id    bigint,
    constraint raw_payload_pk primary key (raw_payload_id, received_at),
    constraint raw_payload_outcome check (outcome in ('loaded', 'rejected')),
    constraint raw_payload_once unique (account_id, scope_kind, scope_id, received_at, payload_hash)
) partition by range (received_at);
create index raw_payload_received_brin on ingest.raw_payload using brin (received_at);
comment on table ingest.raw_payload is 'Every answer received, gzip-compressed, with its request (token redacted) and outcome.';
comment on column ingest.raw_payload.request_url is 'The request URL with auth_token replaced by ***; NULL for answers read from files.';
comment on column ingest.raw_payload.outcome is 'loaded: a snapshot was written from it; rejected: the whole answer was refused (see ingest.rejected_record).';
comment on column ingest.raw_payload.snapshot_id is 'The snapshot loaded from this answer, when outcome = loaded.';

create table ingest.rejected_record (
    rejected_record_id bigint generated always as identity,
    account_id         smallint    not null,
    received_at        timestamptz not null,
    raw_payload_id     bigint,
    snapshot_id        bigint,
    json_path          text        not null,
    reason             text        not null,
    fragment           text,
    recorded_at        timestamptz not null default now(),
    constraint rejected_record_pk primary key (rejected_record_id)
);
create index rejected_record_account_received on ingest.rejected_record (account_id, received_at);
comment on table ingest.rejected_record is 'A record (an agent, a counter block or a whole answer) that could not be stored, and why. The rest of its answer still loaded.';
comment on column ingest.rejected_record.json_path is 'Where in the answer: $ for the whole answer, data.entries.agents[3] for one agent.';
comment on column ingest.rejected_record.fragment is 'The offending JSON (cut to 2000 characters).';

create table ingest.schema_drift (
    json_path            text        not null,
    json_type            text        not null,
    first_seen_at        timestamptz not null,
    example_value        text,
    first_raw_payload_id bigint,
    constraint schema_drift_pk primary key (json_path, json_type)
);
comment on table ingest.schema_drift is 'A field the API documentation does not list, recorded the first time it is seen. Its value stays in the raw archive.';
comment on column ingest.schema_drift.json_path is 'Path with [] for any array element, e.g. data.entries.agents[].new_field.';
