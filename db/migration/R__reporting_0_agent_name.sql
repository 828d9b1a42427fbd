-- reporting.agent_name: the name each agent was seen with last. An agent can have had several names; the
-- reporting views and functions that show one join this view, so that the choice is made in one place.
-- Joined on account_id and user_id, a filter on either reaches warehouse.agent.
create or replace view reporting.agent_name as
select distinct on (agent.account_id, agent.user_id)
    agent.account_id,
    agent.user_id,
    agent.user_full_name
from warehouse.agent as agent
order by agent.account_id, agent.user_id, agent.last_seen_at desc;

comment on view reporting.agent_name is 'One row per agent: the name it was seen with last.';
comment on column reporting.agent_name.account_id is 'The account (warehouse.account).';
comment on column reporting.agent_name.user_id is 'Convoso agent identifier.';
comment on column reporting.agent_name.user_full_name is 'The agent''s name as last seen.';
