-- The derivation reads each account's open intervals and shifts (ended_at / logout_at NULL). Planned with
-- per-column statistics, "this account" times "open" is a product of two fractions, which for an account that is
-- new to a warehouse with a long history comes out hundreds of times too small, and a too-small estimate makes
-- nested loops. Multivariate MCV lists keep the frequency of each (account, NULL) pair itself.
create statistics warehouse.agent_state_interval_open_by_account (mcv)
    on account_id, ended_at from warehouse.agent_state_interval;
create statistics warehouse.agent_shift_open_by_account (mcv)
    on account_id, logout_at from warehouse.agent_shift;
