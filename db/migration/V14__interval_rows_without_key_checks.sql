-- warehouse.agent_state_interval takes hundreds of rows a minute per account, each copied from a row of
-- warehouse.agent_snapshot, which has no foreign keys for the same reason (V4): the account and the label
-- ids it carries are committed before the snapshot that uses them, and neither is ever deleted. The
-- per-row key checks therefore guarded nothing the loader does not already guarantee, and cost twice the
-- insert itself: 22 ms against 7 ms for 800 intervals, the state changes of one 5,000-agent poll.
alter table warehouse.agent_state_interval
    drop constraint agent_state_interval_account_id_fkey,
    drop constraint agent_state_interval_status_ref_fkey,
    drop constraint agent_state_interval_status_label_ref_fkey;

comment on column warehouse.agent_state_interval.status_ref is 'The status (warehouse.label.label_id; no foreign key, see V14); reporting views show it as text.';
comment on column warehouse.agent_state_interval.status_label_ref is 'The status label (warehouse.label.label_id; no foreign key, see V14); reporting views show it as text.';
