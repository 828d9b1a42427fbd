-- reporting.agent_shift: one row per agent per shift with its time per status family and the
-- numerators and denominators of occupancy and utilization, so any roll-up can sum them.
create or replace view reporting.agent_shift as
with

-- an open shift's status in hand has lasted from its start to the last snapshot that showed it;
-- warehouse.agent_shift adds an interval's time only when it closes
open_interval_time as (
    select
        agent_state_interval.account_id,
        agent_state_interval.user_id,
        agent_state_interval.shift_login_at,
        reporting.status_group(status.value) as status_group,
        extract(epoch from latest_snapshot.observed_at - agent_state_interval.started_at)::integer
            as open_sec
    from warehouse.agent_state_interval as agent_state_interval
    left join reporting.latest_snapshot as latest_snapshot on latest_snapshot.account_id = agent_state_interval.account_id
    left join warehouse.label as status on status.label_id = agent_state_interval.status_ref
    where agent_state_interval.ended_at is null
),

shifts as (
    select
        agent_shift.account_id,
        agent_shift.user_id,
        agent_shift.login_at,
        agent_shift.logout_at,
        -- an open shift is known to last until the last snapshot that showed the agent
        coalesce(agent_shift.logout_at, greatest(latest_snapshot.observed_at, agent_shift.login_at))
            as counted_until,
        agent_shift.end_reason,
        agent_shift.campaign_id,
        agent_shift.ready_sec + case when open_interval_time.status_group = 'ready' then open_interval_time.open_sec else 0 end
            as ready_sec,
        agent_shift.wait_sec + case when open_interval_time.status_group = 'wait' then open_interval_time.open_sec else 0 end
            as wait_sec,
        agent_shift.incall_sec + case when open_interval_time.status_group = 'incall' then open_interval_time.open_sec else 0 end
            as incall_sec,
        agent_shift.dispo_sec + case when open_interval_time.status_group = 'dispo' then open_interval_time.open_sec else 0 end
            as dispo_sec,
        agent_shift.paused_sec + case when open_interval_time.status_group = 'paused' then open_interval_time.open_sec else 0 end
            as paused_sec,
        agent_shift.dead_sec + case when open_interval_time.status_group = 'dead' then open_interval_time.open_sec else 0 end
            as dead_sec,
        agent_shift.other_sec + case when open_interval_time.status_group = 'other' then open_interval_time.open_sec else 0 end
            as other_sec,
        agent_shift.gap_sec,
        agent_shift.calls_handled
    from warehouse.agent_shift as agent_shift
    left join reporting.latest_snapshot as latest_snapshot on latest_snapshot.account_id = agent_shift.account_id
    left join open_interval_time
        on open_interval_time.account_id = agent_shift.account_id
        and open_interval_time.user_id = agent_shift.user_id
        and open_interval_time.shift_login_at = agent_shift.login_at
        and agent_shift.logout_at is null
),

shift_time as (
    select
        shifts.*,
        shifts.incall_sec + shifts.dispo_sec as handle_sec,
        shifts.ready_sec + shifts.wait_sec as available_sec,
        shifts.ready_sec + shifts.wait_sec + shifts.incall_sec + shifts.dispo_sec + shifts.paused_sec
            + shifts.dead_sec + shifts.other_sec as measured_sec,
        extract(epoch from shifts.counted_until - shifts.login_at) as logged_in_sec
    from shifts
)

select
    shift_time.account_id,
    account.account_name,
    shift_time.user_id,
    agent_name.user_full_name,
    shift_time.login_at,
    shift_time.logout_at,
    shift_time.login_at at time zone account.time_zone as login_local,
    shift_time.counted_until at time zone account.time_zone as logout_local,
    (shift_time.login_at at time zone account.time_zone)::date as shift_date,
    shift_time.end_reason,
    shift_time.logout_at is null as is_open,
    shift_time.campaign_id,
    shift_time.logged_in_sec,
    shift_time.measured_sec,
    shift_time.ready_sec,
    shift_time.wait_sec,
    shift_time.incall_sec,
    shift_time.dispo_sec,
    shift_time.paused_sec,
    shift_time.dead_sec,
    shift_time.other_sec,
    shift_time.gap_sec,
    shift_time.handle_sec,
    shift_time.available_sec,
    round(100.0 * shift_time.handle_sec / nullif(shift_time.handle_sec + shift_time.available_sec, 0), 1) as occupancy_pct,
    round(100.0 * shift_time.handle_sec / nullif(shift_time.measured_sec, 0), 1) as utilization_pct,
    shift_time.calls_handled,
    round(shift_time.calls_handled * 3600.0 / nullif(shift_time.measured_sec, 0), 1) as calls_per_hour
from shift_time
    inner join warehouse.account as account on account.account_id = shift_time.account_id
    left join reporting.agent_name as agent_name on agent_name.account_id = shift_time.account_id and agent_name.user_id = shift_time.user_id;

comment on view reporting.agent_shift is 'One row per agent per shift (login to logout), with time per status family, occupancy, utilization and calls handled.';
comment on column reporting.agent_shift.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_shift.account_name is 'The account''s configured name.';
comment on column reporting.agent_shift.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_shift.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.agent_shift.login_at is 'Start of the first status of the shift.';
comment on column reporting.agent_shift.logout_at is 'End of the last status of the shift; NULL while the agent is logged in.';
comment on column reporting.agent_shift.login_local is 'login_at in the account''s local time.';
comment on column reporting.agent_shift.logout_local is 'logout_at (or, while open, the last time the agent was seen) in the account''s local time.';
comment on column reporting.agent_shift.shift_date is 'Local date of the login; a shift over midnight belongs to the day it began.';
comment on column reporting.agent_shift.end_reason is 'logout: the agent left; gap: polling stopped for longer than the gap threshold; NULL while open.';
comment on column reporting.agent_shift.is_open is 'True while the agent is logged in.';
comment on column reporting.agent_shift.campaign_id is 'The agent''s campaign at login.';
comment on column reporting.agent_shift.logged_in_sec is 'Seconds from login to logout (or to the last time seen while open), gaps included.';
comment on column reporting.agent_shift.measured_sec is 'Seconds covered by status intervals: ready + wait + incall + dispo + paused + dead + other (logged_in_sec - gap_sec when intervals tile the shift).';
comment on column reporting.agent_shift.ready_sec is 'Seconds in READY.';
comment on column reporting.agent_shift.wait_sec is 'Seconds in WAIT.';
comment on column reporting.agent_shift.incall_sec is 'Seconds in INCALL (talk time).';
comment on column reporting.agent_shift.dispo_sec is 'Seconds in DISPO (wrap-up, after-call work).';
comment on column reporting.agent_shift.paused_sec is 'Seconds in PAUSED.';
comment on column reporting.agent_shift.dead_sec is 'Seconds in DEAD.';
comment on column reporting.agent_shift.other_sec is 'Seconds in any other status.';
comment on column reporting.agent_shift.gap_sec is 'Seconds of the shift no interval covers (polling gaps): unknown time, in no status.';
comment on column reporting.agent_shift.handle_sec is 'incall_sec + dispo_sec: time spent handling calls.';
comment on column reporting.agent_shift.available_sec is 'ready_sec + wait_sec: time available and waiting for a call.';
comment on column reporting.agent_shift.occupancy_pct is 'Occupancy: 100 * handle_sec / (handle_sec + available_sec), one decimal; NULL without handle or available time.';
comment on column reporting.agent_shift.utilization_pct is 'Utilization: 100 * handle_sec / measured_sec, one decimal: the share of measured logged-in time spent handling calls.';
comment on column reporting.agent_shift.calls_handled is 'Calls handled in the shift (increases of the agent''s calls_today, the daily reset counting the new value).';
comment on column reporting.agent_shift.calls_per_hour is 'calls_handled * 3600 / measured_sec, one decimal.';
