-- Upkeep of the derived facts, which every account-wide snapshot updates in place.

-- Each poll finds the open shifts of the account (to extend, count calls, close at logout or gap); without
-- this index that is a scan of every shift ever derived.
create index agent_shift_open on warehouse.agent_shift (account_id, user_id) where logout_at is null;

-- Every poll rewrites the open interval and the open shift of every logged-in agent (last_seen_at, counters):
-- free room on each page lets PostgreSQL keep those row versions on the same page (HOT updates) instead of
-- adding index entries for each of them.
alter table warehouse.agent_state_interval set (fillfactor = 80);
alter table warehouse.agent_shift set (fillfactor = 70);
