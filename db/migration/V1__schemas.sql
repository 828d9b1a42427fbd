-- The four schemas of the warehouse. Everything the job owns lives in one of them.
create schema if not exists warehouse;
comment on schema warehouse is 'Facts and dimensions normalized from Convoso Agent Monitor answers.';

create schema if not exists ingest;
comment on schema ingest is 'Raw answer archive, rejected records and schema drift: what came in, as it came.';

create schema if not exists reporting;
comment on schema reporting is 'Views for people and BI tools, every view and column described.';

create schema if not exists batch;
comment on schema batch is 'Spring Batch job repository: one job execution per poll cycle.';
