-- Reports read the intervals overlapping a period [from, to): started_at < to and counted_until > from.
-- The index on (account_id, started_at) bounds only the first half, so a period read every interval that
-- began before its end. An interval is never longer than the account's longest one, so it also began after
-- from minus that length: an exact lower bound for the same index. This index finds the longest closed
-- interval of an account in one probe (reporting.longest_interval); open ones are few (their partial index).
create index agent_state_interval_account_duration on warehouse.agent_state_interval (account_id, (ended_at - started_at));
