-- warehouse_reader: the read-only group role for analysts and BI tools (Metabase). It cannot log in;
-- logins are made members of it (see sql-reports/README.md). Roles are cluster-wide while this
-- migration runs once per database, so the role is created only if missing, and a concurrent
-- migration of another database creating it first is not an error. Creating it needs CREATEROLE.
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'warehouse_reader') then
        create role warehouse_reader nologin;
    end if;
exception
    when duplicate_object or unique_violation then
        null; -- another database's migration created it a moment ago
end;
$$;
comment on role warehouse_reader is 'Read-only access to the reporting and warehouse schemas of convoso-warehouse.';

-- Applies when warehouse_reader itself is the session user; a login role that is a member must be
-- given its own limit (role settings are not inherited): alter role metabase set statement_timeout = '60s'.
alter role warehouse_reader set statement_timeout = '60s';

grant usage on schema reporting, warehouse to warehouse_reader;
grant select on all tables in schema reporting, warehouse to warehouse_reader;

-- Tables, views and monthly partitions created later by the role that runs migrations and the job
-- become readable too.
alter default privileges in schema reporting grant select on tables to warehouse_reader;
alter default privileges in schema warehouse grant select on tables to warehouse_reader;
