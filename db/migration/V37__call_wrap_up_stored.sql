-- A call's wrap-up and dead seconds, stored once the agent has moved on from it, so that reports read them
-- instead of matching every call against the state intervals (warehouse.apply_snapshot_calls writes them,
-- warehouse.rewind_calls clears them). Rows already stored are settled by the next account-wide snapshot.
alter table warehouse.agent_call
    add column wrap_up_sec integer,
    add column dead_sec integer,
    add column handled_seen_at timestamptz,
    add constraint agent_call_handled_once check ((handled_seen_at is null) = (wrap_up_sec is null)
        and (handled_seen_at is null) = (dead_sec is null));
create index agent_call_unhandled on warehouse.agent_call (account_id, user_id) where handled_seen_at is null;
comment on column warehouse.agent_call.wrap_up_sec is 'Seconds of the agent''s DISPO intervals from the call''s start until it moved on (its next call, any other status than INCALL, DISPO or DEAD, or the end of its shift); NULL while it has not.';
comment on column warehouse.agent_call.dead_sec is 'Seconds of DEAD intervals over the same stretch as wrap_up_sec; NULL while the agent has not moved on.';
comment on column warehouse.agent_call.handled_seen_at is 'observed_at of the snapshot that showed the agent had moved on from the call (wrap_up_sec and dead_sec final); NULL until then.';
