-- The per-status seconds of warehouse.agent_shift are credited when an interval ends, so an open shift's status
-- in hand is not in them yet; reporting.agent_shift adds it. Say so where analysts look.
comment on table warehouse.agent_shift is 'One row per login-to-logout island of one agent, with time per status of its closed intervals and calls handled. reporting.agent_shift adds an open shift''s status in hand up to the latest snapshot.';
comment on column warehouse.agent_shift.ready_sec is 'Seconds in closed READY intervals of the shift.';
comment on column warehouse.agent_shift.wait_sec is 'Seconds in closed WAIT intervals of the shift.';
comment on column warehouse.agent_shift.incall_sec is 'Seconds in closed INCALL intervals of the shift.';
comment on column warehouse.agent_shift.dispo_sec is 'Seconds in closed DISPO (wrap-up) intervals of the shift.';
comment on column warehouse.agent_shift.paused_sec is 'Seconds in closed PAUSED intervals of the shift.';
comment on column warehouse.agent_shift.dead_sec is 'Seconds in closed DEAD intervals of the shift.';
comment on column warehouse.agent_shift.other_sec is 'Seconds in closed intervals of any other status.';
