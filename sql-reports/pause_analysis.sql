-- pause_analysis: Each agent's pauses: how many, total, average and longest, and how many ran over a threshold.
--
-- Grain: one row per agent with any status that began in [from, to) (agents without a pause show 0).
--   A pause belongs to the period it began in and counts whole, even when it ends after to.
-- Parameters:
--   from, to        local date or timestamp (no offset) in the account's time zone; to is exclusive
--   account         account name; '' (default) = every account, each read in its own time zone
--   pause_over_sec  a pause longer than this many seconds counts as over (default 900 = 15 minutes)
-- Source: reporting.agent_state_interval (status family paused)
-- Columns:
--   account_name, user_id, user_full_name, pauses, paused_sec, avg_pause_sec, longest_pause_sec,
--   pauses_over_threshold, paused_over_threshold_sec, logged_in_sec, paused_pct
-- Formulas:
--   pauses                    = PAUSED intervals that began in the period
--   paused_sec                = sum of their durations; avg_pause_sec = paused_sec / pauses
--   pauses_over_threshold     = pauses longer than pause_over_sec
--   paused_over_threshold_sec = sum of (duration - pause_over_sec) over those pauses: the excess
--   logged_in_sec             = sum of the durations of all intervals that began in the period
--   paused_pct                = 100 * paused_sec / logged_in_sec
--   An open pause counts up to the last snapshot that showed it; a pause shorter than the poll
--   interval that began and ended between two polls is never seen.
\if :{?account}
\else
    \set account ''
\endif
\if :{?pause_over_sec}
\else
    \set pause_over_sec 900
\endif

with

parameters as (
    select
        account.account_id,
        cast(:'from' as timestamp) at time zone account.time_zone as from_at,
        cast(:'to' as timestamp) at time zone account.time_zone as to_at,
        cast(:'pause_over_sec' as integer) as pause_over_sec
    from reporting.account as account
    where :'account' = '' or account.account_name = :'account'
),

-- the intervals that began in the period; offset 0 keeps this a subquery planned for each account,
-- so the index on started_at bounds the scan (flattened into the query, it read every interval)
intervals as (
    select
        agent_state_interval.account_id,
        agent_state_interval.user_id,
        agent_state_interval.is_pause,
        agent_state_interval.duration_sec,
        parameters.pause_over_sec
    from parameters
        cross join lateral (
            select
                agent_state_interval.account_id,
                agent_state_interval.user_id,
                -- the family's text compared once per interval, not in each aggregate
                agent_state_interval.status_group = 'paused' as is_pause,
                agent_state_interval.duration_sec
            from reporting.agent_state_interval as agent_state_interval
            where agent_state_interval.account_id = parameters.account_id
                and agent_state_interval.started_at >= parameters.from_at
                and agent_state_interval.started_at < parameters.to_at
            offset 0
        ) as agent_state_interval
),

-- per agent by id; names are joined to the resulting rows rather than carried through every interval
agent_pause_sums as (
    select
        intervals.account_id,
        intervals.user_id,
        count(*) filter (where intervals.is_pause) as pauses,
        coalesce(sum(intervals.duration_sec) filter (where intervals.is_pause), 0) as paused_sec,
        max(intervals.duration_sec) filter (where intervals.is_pause) as longest_pause_sec,
        count(*) filter (where intervals.is_pause and intervals.duration_sec > intervals.pause_over_sec) as pauses_over_threshold,
        coalesce(sum(intervals.duration_sec - intervals.pause_over_sec)
            filter (where intervals.is_pause and intervals.duration_sec > intervals.pause_over_sec), 0) as paused_over_threshold_sec,
        sum(intervals.duration_sec) as logged_in_sec
    from intervals
    group by
        intervals.account_id,
        intervals.user_id
),

-- the name seen last, as reporting.agent_state_interval shows it
agent_names as (
    select distinct on (agent.account_id, agent.user_id)
        agent.account_id,
        agent.user_id,
        agent.user_full_name
    from warehouse.agent as agent
    order by agent.account_id, agent.user_id, agent.last_seen_at desc
),

agent_pauses as (
    select
        account.account_name,
        agent_pause_sums.user_id,
        agent_names.user_full_name,
        agent_pause_sums.pauses,
        agent_pause_sums.paused_sec,
        agent_pause_sums.longest_pause_sec,
        agent_pause_sums.pauses_over_threshold,
        agent_pause_sums.paused_over_threshold_sec,
        agent_pause_sums.logged_in_sec
    from agent_pause_sums
        inner join reporting.account as account on account.account_id = agent_pause_sums.account_id
        left join agent_names on agent_names.account_id = agent_pause_sums.account_id
            and agent_names.user_id = agent_pause_sums.user_id
)

select
    agent_pauses.account_name,
    agent_pauses.user_id,
    agent_pauses.user_full_name,
    agent_pauses.pauses,
    round(agent_pauses.paused_sec)::bigint as paused_sec,
    round(agent_pauses.paused_sec / nullif(agent_pauses.pauses, 0))::bigint as avg_pause_sec,
    round(agent_pauses.longest_pause_sec)::bigint as longest_pause_sec,
    agent_pauses.pauses_over_threshold,
    round(agent_pauses.paused_over_threshold_sec)::bigint as paused_over_threshold_sec,
    round(agent_pauses.logged_in_sec)::bigint as logged_in_sec,
    round(100.0 * agent_pauses.paused_sec / nullif(agent_pauses.logged_in_sec, 0), 1) as paused_pct
from agent_pauses
order by
    agent_pauses.account_name,
    agent_pauses.user_id;
