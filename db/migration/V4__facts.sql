-- Per-poll facts, range-partitioned by observation time (one partition a month).
-- Partitions are created ahead by the job through warehouse.ensure_partitions(); nobody creates them by hand.

-- One row per agent per answer. Column names are the API's field names; strings repeated on every
-- row are stored as references into warehouse.label (<field>_ref) and reporting.agent_snapshot shows
-- them as text again. *_mmss and status_length arrive as "HH:MM:SS" and are stored as seconds.
-- No foreign key to snapshot: the row is written in the snapshot's own transaction, and a per-row
-- key check would cost a lookup for each of thousands of rows a minute.
create table warehouse.agent_snapshot (
    snapshot_id                  bigint      not null,
    observed_at                  timestamptz not null,
    account_id                   smallint    not null,
    user_id                      bigint      not null,
    user_full_name_ref           integer,
    campaign_id                  bigint,
    campaign_name_ref            integer,
    queue_id                     bigint,
    queue_name_ref               integer,
    queue_assignment_ref         integer,
    queue_assignment_ids         bigint[],
    list_id                      bigint,
    list_name_ref                integer,
    extension_ref                integer,
    channel_type_ref             integer,
    call_type_ref                integer,
    lead_id                      bigint,
    call_log_id                  bigint,
    calls_today                  integer,
    total_calls                  integer,
    since_last_update            integer,
    last_state_change            timestamptz,
    last_call_time               timestamptz,
    last_update_time             timestamptz,
    last_call_finish             timestamptz,
    last_inbound_call_time       timestamptz,
    last_inbound_call_finish     timestamptz,
    availability_id              bigint,
    inbound_only                 boolean,
    status_ref                   integer,
    status_label_ref             integer,
    status_time_sec              integer,
    status_time_mmss             integer,
    status_ready_time_sec        integer,
    status_ready_time_mmss       integer,
    status_wait_time_sec         integer,
    status_wait_time_mmss        integer,
    status_incall_time_sec       integer,
    status_incall_time_mmss      integer,
    status_dispo_time_sec        integer,
    status_dispo_time_mmss       integer,
    status_dead_time_sec         integer,
    status_dead_time_mmss        integer,
    status_preview_time_sec      integer,
    status_preview_time_mmss     integer,
    status_length_sec            integer,
    status_length                integer,
    campaign_skill               integer,
    campaign_weight              integer,
    force_logout                 boolean,
    awaiting_confirmation        boolean,
    connection_type_ref          integer,
    class_ref                    integer,
    text_class_ref               integer,
    skill_options                text[],
    constraint agent_snapshot_pk primary key (snapshot_id, user_id, observed_at)
) partition by range (observed_at);
create index agent_snapshot_observed_brin on warehouse.agent_snapshot using brin (observed_at);
comment on table warehouse.agent_snapshot is 'One row per agent per answer: every agent field, typed. Read it through reporting.agent_snapshot for the text of *_ref columns.';

-- The outbound/campaign counters of data (everything that is not queue_* or inbound_*).
create table warehouse.campaign_stats (
    snapshot_id                     bigint      not null,
    observed_at                     timestamptz not null,
    account_id                      smallint    not null,
    campaign_id                     bigint,
    dialable_leads                  bigint,
    calls_today                     integer,
    manual_calls_today              integer,
    dropped                         integer,
    dropped_percent                 numeric,
    agents_average_onemin           numeric,
    answered                        integer,
    outbound_total_pause_avg        numeric,
    outbound_total_wait_avg         numeric,
    outbound_total_talk_avg         numeric,
    outbound_total_dispo_avg        numeric,
    outbound_total_agents_today     integer,
    outbound_total_pause_avg_length bigint,
    outbound_total_wait_avg_length  bigint,
    outbound_total_talk_avg_length  bigint,
    outbound_total_dispo_avg_length bigint,
    hopper                          integer,
    calls_placed                    integer,
    calls_ringing                   integer,
    calls_waiting_in                integer,
    calls_waiting_out               integer,
    amdmsgs                         integer,
    agent_total                     integer,
    agent_incall                    integer,
    agent_ready                     integer,
    agent_paused                    integer,
    agent_dead                      integer,
    agent_dispo                     integer,
    agent_total_time                bigint,
    agent_incall_time               bigint,
    agent_ready_time                bigint,
    agent_paused_time               bigint,
    agent_dead_time                 bigint,
    agent_dispo_time                bigint,
    agent_total_time_count          integer,
    agent_incall_time_count         integer,
    agent_ready_time_count          integer,
    agent_paused_time_count         integer,
    agent_dead_time_count           integer,
    agent_dispo_time_count          integer,
    agent_time_ready                bigint,
    agent_time_count_ready          integer,
    agent_time_incall               bigint,
    agent_time_count_incall         integer,
    agent_time_paused               bigint,
    agent_time_count_paused         integer,
    agent_time_dead                 bigint,
    agent_time_count_dead           integer,
    agent_time_dispo                bigint,
    agent_time_count_dispo          integer,
    agent_avg_incall                integer,
    agent_avg_ready                 integer,
    agent_avg_paused                integer,
    agent_avg_dispo                 integer,
    agent_avg_dead                  integer,
    constraint campaign_stats_pk primary key (snapshot_id, observed_at)
) partition by range (observed_at);
create index campaign_stats_account_observed on warehouse.campaign_stats (account_id, observed_at);
comment on table warehouse.campaign_stats is 'One row per answer: the campaign/outbound counters of data. campaign_id NULL = the whole account. agent_avg_* are stored in seconds.';

-- The queue/inbound counters of data.
create table warehouse.queue_stats (
    snapshot_id                bigint      not null,
    observed_at                timestamptz not null,
    account_id                 smallint    not null,
    queue_id                   bigint,
    queue_dialable_leads       bigint,
    queue_calls_today          integer,
    queue_dropped              integer,
    queue_answered             integer,
    queue_answered_percent     numeric,
    queue_dropped_percent      numeric,
    inbound_total_pause_avg    numeric,
    inbound_total_wait_avg     numeric,
    inbound_total_talk_avg     numeric,
    inbound_total_dispo_avg    numeric,
    inbound_total_agents_today integer,
    constraint queue_stats_pk primary key (snapshot_id, observed_at)
) partition by range (observed_at);
create index queue_stats_account_observed on warehouse.queue_stats (account_id, observed_at);
comment on table warehouse.queue_stats is 'One row per answer: the queue/inbound counters of data. queue_id NULL = all queues of the account.';

-- Creates the monthly partitions (UTC months) of every partitioned table in the warehouse and
-- ingest schemas that cover [p_from, p_to]. Safe to call concurrently and repeatedly.
create function warehouse.ensure_partitions(p_from timestamptz, p_to timestamptz)
returns integer
language plpgsql
as $$
declare
    parent        record;
    month_start   timestamp; -- a UTC wall-clock month start, so month arithmetic ignores the session zone
    partition     text;
    created_count integer := 0;
begin
    for parent in
        select n.nspname as schema_name, c.relname as table_name
        from pg_partitioned_table p
        join pg_class c on c.oid = p.partrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('warehouse', 'ingest')
    loop
        month_start := date_trunc('month', p_from at time zone 'UTC');
        while month_start <= (p_to at time zone 'UTC') loop
            partition := parent.table_name || '_p' || to_char(month_start, 'YYYYMM');
            if to_regclass(format('%I.%I', parent.schema_name, partition)) is null then
                begin
                    execute format(
                        'create table %I.%I partition of %I.%I for values from (%L) to (%L)',
                        parent.schema_name, partition, parent.schema_name, parent.table_name,
                        month_start at time zone 'UTC', (month_start + interval '1 month') at time zone 'UTC');
                    created_count := created_count + 1;
                exception when duplicate_table then
                    null; -- another run created it first
                end;
            end if;
            month_start := month_start + interval '1 month';
        end loop;
    end loop;
    return created_count;
end;
$$;
comment on function warehouse.ensure_partitions(timestamptz, timestamptz) is 'Creates missing monthly partitions covering [p_from, p_to]; returns how many were created.';
