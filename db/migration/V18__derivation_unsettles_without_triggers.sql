-- The derivation functions (R__derive.sql) move an account's settled watermark back themselves, in the statements
-- that write intervals, so V13's statement triggers with transition tables go: Citus cannot distribute a table
-- that has them. Whoever edits agent_state_interval by hand calls warehouse.unsettle(account_id, earliest start)
-- in the same transaction.
drop trigger agent_state_interval_unsettle_insert on warehouse.agent_state_interval;
drop trigger agent_state_interval_unsettle_update on warehouse.agent_state_interval;
drop trigger agent_state_interval_unsettle_delete on warehouse.agent_state_interval;
drop function warehouse.unsettle_changed_intervals();
