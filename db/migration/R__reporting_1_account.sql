-- reporting.account: the configured accounts and the time zone their reports are read in.
create or replace view reporting.account as
select
    account.account_id,
    account.account_name,
    account.time_zone
from warehouse.account as account;

comment on view reporting.account is 'One row per configured Convoso account, with the IANA time zone its reports use.';
comment on column reporting.account.account_id is 'The account (warehouse.account).';
comment on column reporting.account.account_name is 'The account''s configured name (the --account of the command line, the account parameter of sql-reports).';
comment on column reporting.account.time_zone is 'IANA time zone: report parameters, local times and day boundaries are in it.';
