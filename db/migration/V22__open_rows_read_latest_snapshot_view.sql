-- The reporting views read an open row's last sighting from the view reporting.latest_snapshot, joined on
-- account_id (a function called per row cannot run on a Citus shard): the column comments name it.
comment on column warehouse.agent_state_interval.last_seen_at is 'observed_at of the last snapshot that showed this status; NULL while open (then: reporting.latest_snapshot of the account).';
comment on column warehouse.agent_shift.last_seen_at is 'observed_at of the last snapshot that showed the agent; NULL while open (then: reporting.latest_snapshot of the account).';
