-- Coverage reports (reporting.polls) read the calls received in a period: received_at is the job's own
-- clock, which observed_at (the source's) can be hours away from, so the observed_at index cannot bound it.
create index snapshot_account_received on warehouse.snapshot (account_id, received_at);
