-- Every primary key of a per-account table includes account_id, so that the table can be distributed by
-- account_id (Citus refuses a key without the distribution column) and stays right on one server.
-- account_id comes last: lookups by snapshot_id or raw_payload_id keep the index prefix they had.
-- The unique keys snapshot_once and raw_payload_once already lead with account_id.
-- Each key is rebuilt from the rows in place: no row is copied or lost.

alter table warehouse.snapshot
    drop constraint snapshot_pk,
    add constraint snapshot_pk primary key (snapshot_id, account_id);

alter table warehouse.agent_snapshot
    drop constraint agent_snapshot_pk,
    add constraint agent_snapshot_pk primary key (snapshot_id, user_id, observed_at, account_id);

alter table warehouse.campaign_stats
    drop constraint campaign_stats_pk,
    add constraint campaign_stats_pk primary key (snapshot_id, observed_at, account_id);

alter table warehouse.queue_stats
    drop constraint queue_stats_pk,
    add constraint queue_stats_pk primary key (snapshot_id, observed_at, account_id);

alter table ingest.raw_payload
    drop constraint raw_payload_pk,
    add constraint raw_payload_pk primary key (raw_payload_id, received_at, account_id);

alter table ingest.rejected_record
    drop constraint rejected_record_pk,
    add constraint rejected_record_pk primary key (rejected_record_id, account_id);

-- Citus distributes no table with a trigger, and a trigger on a reference table that writes a distributed one
-- fails there. A time-zone change unsettles its account in the statement that makes it instead; an account
-- whose zone is unchanged keeps what it settled.
drop trigger account_unsettle_rezoned on warehouse.account;
drop function warehouse.unsettle_rezoned_account();

create function warehouse.rezone_account(p_account_id smallint, p_time_zone text)
returns void
language plpgsql
as $$
begin
    update warehouse.account
    set time_zone = p_time_zone
    where account_id = p_account_id
      and time_zone is distinct from p_time_zone;
    if found then
        update warehouse.settled_until
        set settled_until = '-infinity'
        where account_id = p_account_id;
    end if;
end
$$;
comment on function warehouse.rezone_account(smallint, text) is 'Sets the account''s time zone; a new zone unsettles the account, since its local days are cut anew.';

-- Nothing in the job truncates agent_state_interval (rebuild-derived deletes an account's rows and unsettles it);
-- emptying it by hand goes through this function, which unsettles every account in the same transaction.
drop trigger agent_state_interval_unsettle_truncate on warehouse.agent_state_interval;
drop function warehouse.unsettle_truncated_intervals();

create function warehouse.truncate_intervals()
returns void
language plpgsql
as $$
begin
    truncate warehouse.agent_state_interval;
    update warehouse.settled_until
    set settled_until = '-infinity';
end
$$;
comment on function warehouse.truncate_intervals() is 'Empties agent_state_interval and unsettles every account; rebuild-derived derives the intervals again.';
