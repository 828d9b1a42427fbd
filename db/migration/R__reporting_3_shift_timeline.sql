-- reporting.shift_timeline: every status interval placed on its agent's timeline: the campaign's
-- name and the shift's login beside the interval, for drawing one row per agent along the local day.
create or replace view reporting.shift_timeline as
select
    agent_state_interval.account_id,
    agent_state_interval.account_name,
    agent_state_interval.time_zone,
    agent_state_interval.campaign_id,
    campaign_name.campaign_name,
    agent_state_interval.user_id,
    agent_state_interval.user_full_name,
    agent_state_interval.shift_login_at,
    agent_state_interval.shift_login_at at time zone agent_state_interval.time_zone as shift_login_local,
    agent_state_interval.status,
    agent_state_interval.status_label,
    agent_state_interval.status_group,
    agent_state_interval.started_at,
    agent_state_interval.counted_until,
    agent_state_interval.started_local,
    agent_state_interval.counted_until_local,
    agent_state_interval.duration_sec,
    agent_state_interval.end_reason
from reporting.agent_state_interval as agent_state_interval
    left join reporting.campaign_name as campaign_name
        on campaign_name.account_id = agent_state_interval.account_id
        and campaign_name.campaign_id = agent_state_interval.campaign_id;

comment on view reporting.shift_timeline is 'One row per status interval of an agent, with its campaign''s name and its shift''s login: the bars of a shift timeline.';
comment on column reporting.shift_timeline.account_id is 'The account (warehouse.account).';
comment on column reporting.shift_timeline.account_name is 'The account''s configured name.';
comment on column reporting.shift_timeline.time_zone is 'The account''s IANA time zone; every *_local column is in it.';
comment on column reporting.shift_timeline.campaign_id is 'The agent''s campaign when the status began.';
comment on column reporting.shift_timeline.campaign_name is 'That campaign''s name as last seen.';
comment on column reporting.shift_timeline.user_id is 'Convoso agent identifier.';
comment on column reporting.shift_timeline.user_full_name is 'The agent''s name as last seen.';
comment on column reporting.shift_timeline.shift_login_at is 'login_at of the shift (reporting.agent_shift) the interval belongs to.';
comment on column reporting.shift_timeline.shift_login_local is 'shift_login_at in the account''s local time.';
comment on column reporting.shift_timeline.status is 'API status (READY, WAIT, INCALL, DISPO, PAUSED, DEAD...).';
comment on column reporting.shift_timeline.status_label is 'Friendly status name as sent (for PAUSED it may carry the pause reason).';
comment on column reporting.shift_timeline.status_group is 'Status family (reporting.status_group): the bar''s colour.';
comment on column reporting.shift_timeline.started_at is 'When the status began.';
comment on column reporting.shift_timeline.counted_until is 'When it ended, or the last snapshot that showed it: the bar ends here, and a polling gap after it stays empty.';
comment on column reporting.shift_timeline.started_local is 'started_at in the account''s local time.';
comment on column reporting.shift_timeline.counted_until_local is 'counted_until in the account''s local time.';
comment on column reporting.shift_timeline.duration_sec is 'Seconds from started_at to counted_until.';
comment on column reporting.shift_timeline.end_reason is 'state_change, logout or gap (polling stopped); NULL while open.';
