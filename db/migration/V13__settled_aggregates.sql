-- Settled aggregates: the quarter-hour and agent-day sums of agent_state_interval, stored once the intervals
-- behind them can no longer change, so that reports over weeks read a few thousand stored rows instead of
-- cutting millions of intervals. What is not settled yet (the last hours) is still computed from the
-- intervals when read, so a report is always exact, whatever the stored part lags (TimescaleDB calls the
-- same idea a real-time continuous aggregate).
--
-- The watermark settled_until of an account says up to which instant the stored rows are final:
--   quarter hours that end at or before it, and local days that end at or before it.
-- warehouse.settle_aggregates (R__settle_aggregates.sql) moves it forward, never past the start of
-- an open interval nor past the latest account-wide snapshot; the triggers below move it back when an
-- interval that begins before it is written (a late agent whose state began long ago, a rebuild), so a stale
-- stored row is never read.

create table warehouse.settled_until (
    account_id    smallint    not null references warehouse.account,
    settled_until timestamptz not null default '-infinity',
    constraint settled_until_pk primary key (account_id)
);
comment on table warehouse.settled_until is 'Per account, the instant up to which the settled_* aggregates are final (aligned to a quarter hour; -infinity: nothing settled).';
comment on column warehouse.settled_until.settled_until is 'Stored quarter hours and local days ending at or before this instant are exact; later ones are computed from agent_state_interval when read.';

create table warehouse.settled_agent_status_quarter_hour (
    account_id   smallint    not null references warehouse.account,
    bucket_start timestamptz not null,
    status_group text        not null,
    agent_sec    numeric     not null,
    peak_agents  integer     not null,
    agents_seen  integer     not null,
    constraint settled_agent_status_quarter_hour_pk primary key (account_id, bucket_start, status_group)
);
comment on table warehouse.settled_agent_status_quarter_hour is 'Stored rows of reporting.agent_status_quarter_hour for quarter hours before the account''s settled_until.';

create table warehouse.settled_agent_state_day (
    account_id    smallint not null references warehouse.account,
    local_date    date     not null,
    user_id       bigint   not null,
    logged_in_sec bigint   not null,
    ready_sec     bigint   not null,
    wait_sec      bigint   not null,
    incall_sec    bigint   not null,
    dispo_sec     bigint   not null,
    paused_sec    bigint   not null,
    dead_sec      bigint   not null,
    other_sec     bigint   not null,
    constraint settled_agent_state_day_pk primary key (account_id, local_date, user_id)
);
comment on table warehouse.settled_agent_state_day is 'Stored rows of reporting.agent_state_daily (without names) for local days ending before the account''s settled_until.';

-- Where the account's settling must stop: the start of its earliest open interval, one index probe away.
create index agent_state_interval_open_started on warehouse.agent_state_interval (account_id, started_at) where ended_at is null;

-- Any statement writing intervals that begin before the watermark moves it back to the quarter hour holding
-- the earliest of them. One statement-level trigger per event: a trigger with transition tables has one event.
create function warehouse.unsettle_changed_intervals()
returns trigger
language plpgsql
as $$
begin
    -- dynamic, because a statement naming a transition table the firing trigger lacks would not even plan
    execute format($changes$
        update warehouse.settled_until as settled
        set settled_until = date_bin(interval '15 minutes', changed.earliest_start, timestamptz '2000-01-01 00:00:00+00')
        from (
            select changed_rows.account_id, min(changed_rows.started_at) as earliest_start
            from (%s) as changed_rows
            group by changed_rows.account_id
        ) as changed
        where settled.account_id = changed.account_id
          and settled.settled_until > changed.earliest_start
        $changes$,
        case tg_op
            when 'INSERT' then 'select account_id, started_at from new_rows'
            when 'DELETE' then 'select account_id, started_at from old_rows'
            else 'select account_id, started_at from old_rows union all select account_id, started_at from new_rows'
        end);
    return null;
end
$$;
comment on function warehouse.unsettle_changed_intervals() is 'Moves settled_until back before any interval a statement wrote or deleted.';

create trigger agent_state_interval_unsettle_insert
    after insert on warehouse.agent_state_interval
    referencing new table as new_rows
    for each statement execute function warehouse.unsettle_changed_intervals();
create trigger agent_state_interval_unsettle_update
    after update on warehouse.agent_state_interval
    referencing old table as old_rows new table as new_rows
    for each statement execute function warehouse.unsettle_changed_intervals();
create trigger agent_state_interval_unsettle_delete
    after delete on warehouse.agent_state_interval
    referencing old table as old_rows
    for each statement execute function warehouse.unsettle_changed_intervals();

-- TRUNCATE fires neither kind of trigger above: it unsettles every account.
create function warehouse.unsettle_truncated_intervals()
returns trigger
language plpgsql
as $$
begin
    update warehouse.settled_until
    set settled_until = '-infinity';
    return null;
end
$$;
comment on function warehouse.unsettle_truncated_intervals() is 'Resets settled_until of every account when agent_state_interval is truncated.';

create trigger agent_state_interval_unsettle_truncate
    after truncate on warehouse.agent_state_interval
    for each statement execute function warehouse.unsettle_truncated_intervals();

-- Local days depend on the account's time zone: a new zone unsettles everything.
create function warehouse.unsettle_rezoned_account()
returns trigger
language plpgsql
as $$
begin
    update warehouse.settled_until
    set settled_until = '-infinity'
    where account_id = new.account_id;
    return null;
end
$$;
comment on function warehouse.unsettle_rezoned_account() is 'Resets settled_until of an account whose time zone changed.';

create trigger account_unsettle_rezoned
    after update of time_zone on warehouse.account
    for each row
    when (old.time_zone is distinct from new.time_zone)
    execute function warehouse.unsettle_rezoned_account();
