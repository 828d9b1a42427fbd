-- Derived facts: exact agent state intervals and login-to-logout shifts, maintained in each
-- account-wide snapshot's transaction and rebuildable from the stored snapshots.

-- One row per stretch of one status of one agent. started_at is the API's last_state_change
-- (exact to the second), not the poll time. An open interval has ended_at NULL.
create table warehouse.agent_state_interval (
    account_id       smallint    not null references warehouse.account,
    user_id          bigint      not null,
    started_at       timestamptz not null,
    ended_at         timestamptz,
    end_reason       text,
    status_ref       integer     references warehouse.label,
    status_label_ref integer     references warehouse.label,
    campaign_id      bigint,
    queue_id         bigint,
    shift_login_at   timestamptz not null,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    constraint agent_state_interval_pk primary key (account_id, user_id, started_at),
    constraint agent_state_interval_end_reason check (end_reason in ('state_change', 'logout', 'gap')),
    constraint agent_state_interval_open_or_closed check ((ended_at is null) = (end_reason is null)),
    constraint agent_state_interval_ordered check (ended_at is null or ended_at >= started_at)
);
create index agent_state_interval_account_started on warehouse.agent_state_interval (account_id, started_at);
create index agent_state_interval_open on warehouse.agent_state_interval (account_id, user_id) where ended_at is null;
comment on table warehouse.agent_state_interval is 'One row per stretch of one status of one agent, from the exact last_state_change to the next state''s start, the logout or a polling gap.';
comment on column warehouse.agent_state_interval.started_at is 'When the status began: the API''s last_state_change, exact to the second.';
comment on column warehouse.agent_state_interval.ended_at is 'When it ended; NULL while the agent is still in it.';
comment on column warehouse.agent_state_interval.end_reason is 'state_change: the next status began; logout: the agent left the account-wide answer (ended_at = last time seen); gap: no snapshot for longer than the gap threshold (ended_at = last time seen, never stretched over the gap).';
comment on column warehouse.agent_state_interval.status_ref is 'The status (warehouse.label); reporting views show it as text.';
comment on column warehouse.agent_state_interval.campaign_id is 'The agent''s campaign when the status began.';
comment on column warehouse.agent_state_interval.queue_id is 'The agent''s queue when the status began.';
comment on column warehouse.agent_state_interval.shift_login_at is 'login_at of the agent_shift this interval belongs to.';
comment on column warehouse.agent_state_interval.first_seen_at is 'observed_at of the first snapshot that showed this status.';
comment on column warehouse.agent_state_interval.last_seen_at is 'observed_at of the last snapshot that showed this status.';

-- One row per login-to-logout island of one agent.
create table warehouse.agent_shift (
    account_id       smallint    not null references warehouse.account,
    user_id          bigint      not null,
    login_at         timestamptz not null,
    logout_at        timestamptz,
    end_reason       text,
    last_seen_at     timestamptz not null,
    ready_sec        integer     not null default 0,
    wait_sec         integer     not null default 0,
    incall_sec       integer     not null default 0,
    dispo_sec        integer     not null default 0,
    paused_sec       integer     not null default 0,
    dead_sec         integer     not null default 0,
    other_sec        integer     not null default 0,
    gap_sec          integer     not null default 0,
    calls_handled    integer     not null default 0,
    last_calls_today integer,
    campaign_id      bigint,
    constraint agent_shift_pk primary key (account_id, user_id, login_at),
    constraint agent_shift_end_reason check (end_reason in ('logout', 'gap')),
    constraint agent_shift_open_or_closed check ((logout_at is null) = (end_reason is null))
);
create index agent_shift_account_login on warehouse.agent_shift (account_id, login_at);
comment on table warehouse.agent_shift is 'One row per login-to-logout island of one agent, with time per status and calls handled.';
comment on column warehouse.agent_shift.login_at is 'Start of the first status of the shift.';
comment on column warehouse.agent_shift.logout_at is 'End of the last status of the shift; NULL while the agent is logged in.';
comment on column warehouse.agent_shift.end_reason is 'logout: the agent left the account-wide answer; gap: polling stopped for longer than the gap threshold.';
comment on column warehouse.agent_shift.ready_sec is 'Seconds in READY intervals of the shift.';
comment on column warehouse.agent_shift.wait_sec is 'Seconds in WAIT intervals of the shift.';
comment on column warehouse.agent_shift.incall_sec is 'Seconds in INCALL intervals of the shift.';
comment on column warehouse.agent_shift.dispo_sec is 'Seconds in DISPO (wrap-up) intervals of the shift.';
comment on column warehouse.agent_shift.paused_sec is 'Seconds in PAUSED intervals of the shift.';
comment on column warehouse.agent_shift.dead_sec is 'Seconds in DEAD intervals of the shift.';
comment on column warehouse.agent_shift.other_sec is 'Seconds in any other status.';
comment on column warehouse.agent_shift.gap_sec is 'Seconds inside the shift not covered by any interval (polling gaps).';
comment on column warehouse.agent_shift.calls_handled is 'Calls handled in the shift: the sum of increases of the agent''s calls_today, a drop (the daily reset) counting the new value.';
comment on column warehouse.agent_shift.last_calls_today is 'calls_today at the last snapshot, for the next delta.';
comment on column warehouse.agent_shift.campaign_id is 'The agent''s campaign at login.';
