-- Every primary key of a per-account table includes account_id, so that the table can be distributed by
-- account_id (Citus refuses a key without the distribution column) and stays right on one server.
-- account_id comes last: lookups by snapshot_id or raw_payload_id keep the index prefix they had.
-- The unique keys snapshot_once and raw_payload_once already lead with account_id.
-- Each key is rebuilt from the rows in place: no row is copied or lost.

alter table warehouse.snapshot
    drop constraint snapshot_pk,
    add constraint snapshot_pk primary key (snapshot_id, account_id);

alter table warehouse.agent_snapshot
    drop constraint agent_snapshot_pk,
    add constraint agent_snapshot_pk primary key (snapshot_id, user_id, observed_at, account_id);

alter table warehouse.campaign_stats
    drop constraint campaign_stats_pk,
    add constraint campaign_stats_pk primary key (snapshot_id, observed_at, account_id);

alter table warehouse.queue_stats
    drop constraint queue_stats_pk,
    add constraint queue_stats_pk primary key (snapshot_id, observed_at, account_id);

alter table ingest.raw_payload
    drop constraint raw_payload_pk,
    add constraint raw_payload_pk primary key (raw_payload_id, received_at, account_id);

alter table ingest.rejected_record
    drop constraint rejected_record_pk,
    add constraint rejected_record_pk primary key (rejected_record_id, account_id);
