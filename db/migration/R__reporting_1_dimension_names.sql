-- reporting.campaign_name and reporting.queue_name: the name each campaign and queue was seen with last.
create or replace view reporting.campaign_name as
select distinct on (campaign.account_id, campaign.campaign_id)
    campaign.account_id,
    campaign.campaign_id,
    campaign.campaign_name
from warehouse.campaign as campaign
order by campaign.account_id, campaign.campaign_id, campaign.last_seen_at desc;

comment on view reporting.campaign_name is 'One row per campaign: the name it was seen with last.';
comment on column reporting.campaign_name.account_id is 'The account (warehouse.account).';
comment on column reporting.campaign_name.campaign_id is 'Convoso campaign identifier.';
comment on column reporting.campaign_name.campaign_name is 'The campaign''s name as last seen.';

create or replace view reporting.queue_name as
select distinct on (queue.account_id, queue.queue_id)
    queue.account_id,
    queue.queue_id,
    queue.queue_name
from warehouse.queue as queue
order by queue.account_id, queue.queue_id, queue.last_seen_at desc;

comment on view reporting.queue_name is 'One row per queue: the name it was seen with last.';
comment on column reporting.queue_name.account_id is 'The account (warehouse.account).';
comment on column reporting.queue_name.queue_id is 'Convoso queue identifier.';
comment on column reporting.queue_name.queue_name is 'The queue''s name as last seen.';
