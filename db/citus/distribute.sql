-- Turns a freshly migrated warehouse on a Citus coordinator into reference and distributed tables.
-- Run once, after `migrate` and before the first load:
--   psql "$COORDINATOR_URL" -v ON_ERROR_STOP=1 -f db/citus/distribute.sql
-- Dictionaries and dimensions are reference tables: a copy on every node, so a join to them stays on the node.
-- Every per-account table is distributed by account_id and colocated with warehouse.snapshot, so a join on
-- account_id runs inside one shard group. A partition that warehouse.ensure_partitions() creates later is
-- distributed with its parent by Citus itself. Spring Batch's job repository (schema batch) and Flyway's history
-- stay on the coordinator. CitusRulesTest checks that every table of the warehouse and ingest schemas is named
-- here and that the schema keeps what Citus requires of these tables.

begin;
-- one connection per node: the tables are empty, and the reference tables' foreign keys are created in order
set local citus.multi_shard_modify_mode to 'sequential';

-- A table with a foreign key to a reference table becomes a "Citus local table" when the reference table is made,
-- and Citus cannot distribute a Citus local table with an identity column afterwards: snapshot's key to account
-- is set aside until snapshot is distributed. The tables without identity columns are converted as they are.
alter table warehouse.snapshot drop constraint snapshot_account_id_fkey;

select create_reference_table('warehouse.account');
select create_reference_table('warehouse.label');
select create_reference_table('warehouse.agent');
select create_reference_table('warehouse.campaign');
select create_reference_table('warehouse.queue');
select create_reference_table('ingest.schema_drift');

select create_distributed_table('warehouse.snapshot', 'account_id');
alter table warehouse.snapshot
    add constraint snapshot_account_id_fkey foreign key (account_id) references warehouse.account;
select create_distributed_table('warehouse.agent_snapshot', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.campaign_stats', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.queue_stats', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.agent_state_interval', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.agent_shift', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.agent_call', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.settled_until', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.settled_agent_status_quarter_hour', 'account_id',
    colocate_with => 'warehouse.snapshot');
select create_distributed_table('warehouse.settled_agent_state_day', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('ingest.raw_payload', 'account_id', colocate_with => 'warehouse.snapshot');
select create_distributed_table('ingest.rejected_record', 'account_id', colocate_with => 'warehouse.snapshot');
commit;
