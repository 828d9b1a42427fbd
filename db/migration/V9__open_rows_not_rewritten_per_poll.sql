-- The derivation writes only changes: an open interval or shift is no longer rewritten at every poll to move
-- its last_seen_at. Its agent is, by construction, in the account's latest account-wide snapshot, so
-- last_seen_at stays NULL while the row is open and is written once, when the row closes. The reporting
-- views fill it in from reporting.latest_snapshot_at.
alter table warehouse.agent_state_interval alter column last_seen_at drop not null;
alter table warehouse.agent_shift alter column last_seen_at drop not null;

update warehouse.agent_state_interval set last_seen_at = null where ended_at is null;
update warehouse.agent_shift set last_seen_at = null where logout_at is null;

alter table warehouse.agent_state_interval
    add constraint agent_state_interval_seen_when_closed check ((ended_at is null) = (last_seen_at is null));
alter table warehouse.agent_shift
    add constraint agent_shift_seen_when_closed check ((logout_at is null) = (last_seen_at is null));

-- A row is now updated once, when it closes, not at every poll: the free room V7 kept on each page for
-- those updates is no longer worth a fifth of the table.
alter table warehouse.agent_state_interval reset (fillfactor);
alter table warehouse.agent_shift reset (fillfactor);

comment on column warehouse.agent_state_interval.last_seen_at is 'observed_at of the last snapshot that showed this status; NULL while open (then: reporting.latest_snapshot_at of the account).';
comment on column warehouse.agent_shift.last_seen_at is 'observed_at of the last snapshot that showed the agent; NULL while open (then: reporting.latest_snapshot_at of the account).';
