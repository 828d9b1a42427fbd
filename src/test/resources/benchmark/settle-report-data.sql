-- Settles the synthesized account's aggregates, as the job does a quarter hour at a time after each poll:
-- here a day per call, until the watermark stops moving.
\set ON_ERROR_STOP on
set client_min_messages = warning;
select account_id as account_id from warehouse.account where account_name = 'bench-reports' \gset
select count(distinct settled_until) as settle_calls
from (select warehouse.settle_aggregates(cast(:account_id as smallint)) as settled_until
      from generate_series(0, :days + 1)) as calls;
analyze warehouse.settled_agent_status_quarter_hour, warehouse.settled_agent_state_day;
