-- Calls: one row per call an account-wide poll saw, reconstructed from the agent rows' last_call_time,
-- last_call_finish, call_log_id, lead_id and call_type (the reading is in docs/data-model.md#calls).
-- Maintained by warehouse.apply_snapshot_calls() in each account-wide snapshot's transaction and put back
-- by warehouse.rewind_calls() before a rebuild replays the snapshots. No foreign keys, as for intervals.
create table warehouse.agent_call (
    account_id     smallint    not null,
    user_id        bigint      not null,
    started_at     timestamptz not null,
    call_log_id    bigint,
    ended_at       timestamptz,
    end_reason     text,
    talk_sec       integer,
    direction      text,
    call_type_ref  integer,
    campaign_id    bigint,
    queue_id       bigint,
    lead_id        bigint,
    shift_login_at timestamptz,
    first_seen_at  timestamptz not null,
    ended_seen_at  timestamptz,
    constraint agent_call_pk primary key (account_id, user_id, started_at),
    constraint agent_call_end_reason check (end_reason in ('finished', 'replaced', 'logout', 'gap')),
    constraint agent_call_open_or_closed check ((end_reason is null) = (ended_seen_at is null)),
    constraint agent_call_finished_exactly check ((end_reason = 'finished') = (ended_at is not null)),
    constraint agent_call_ordered check (ended_at is null or ended_at >= started_at),
    constraint agent_call_direction check (direction in ('inbound', 'outbound'))
);
create index agent_call_account_started on warehouse.agent_call (account_id, started_at);
create index agent_call_open on warehouse.agent_call (account_id, user_id) where end_reason is null;
comment on table warehouse.agent_call is 'One row per call an account-wide poll saw: the agent''s last_call_time and, once it belongs to the call, last_call_finish, exact to the second.';
comment on column warehouse.agent_call.started_at is 'The call''s start: the API''s last_call_time.';
comment on column warehouse.agent_call.call_log_id is 'The API''s call_log_id when the call was first seen; NULL when it gave none (0 or missing). Not unique: a call is told by its start.';
comment on column warehouse.agent_call.ended_at is 'The call''s end: last_call_finish once a poll showed it for this call; NULL when no poll did.';
comment on column warehouse.agent_call.end_reason is 'NULL: still in progress at the latest poll; finished: ended_at is exact; replaced: a later call began before any poll showed this one''s finish; logout: the agent left the answer first; gap: a polling gap hid its end.';
comment on column warehouse.agent_call.talk_sec is 'ended_at - started_at in seconds; NULL when the end is unknown.';
comment on column warehouse.agent_call.direction is 'inbound or outbound, from call_type (or last_inbound_call_time equal to the call''s start); NULL when the answer did not say.';
comment on column warehouse.agent_call.call_type_ref is 'The API''s call_type when first seen (warehouse.label).';
comment on column warehouse.agent_call.campaign_id is 'The agent''s campaign when the call was first seen.';
comment on column warehouse.agent_call.queue_id is 'The agent''s queue when the call was first seen (inbound calls).';
comment on column warehouse.agent_call.lead_id is 'The agent''s lead when the call was first seen; NULL when the call was over by then.';
comment on column warehouse.agent_call.shift_login_at is 'login_at of the agent_shift the agent was in when the call was first seen.';
comment on column warehouse.agent_call.first_seen_at is 'observed_at of the first snapshot that showed the call.';
comment on column warehouse.agent_call.ended_seen_at is 'observed_at of the snapshot that closed the row (saw its finish, a later call, the logout or the gap); NULL while open.';
