-- The rule for Convoso's daily counters (calls_today, answered, ...), written once for the derivation and the
-- reporting views. Its own file because Flyway runs repeatable migrations in the order of their names: this one
-- runs before R__derive.sql and the R__reporting_* files, which call it.

-- Convoso's counters are cumulative per day and reset at the account's local midnight. Two answers of a series are
-- on different counter days when their local dates differ.
create or replace function reporting.is_new_local_day(previous_observed_at timestamptz, observed_at timestamptz, time_zone text)
returns boolean
language sql
immutable
parallel safe
as $$
    select previous_observed_at is not null
        and (previous_observed_at at time zone time_zone)::date <> (observed_at at time zone time_zone)::date
$$;
comment on function reporting.is_new_local_day(timestamptz, timestamptz, text) is 'True when the previous answer was on an earlier local day in the IANA zone: the daily counters were reset in between; false for the first answer (previous NULL).';

-- The calls a daily counter counted since the previous answer: the new value after a reset (a new
-- local day, or the counter went down), else the difference. NULL for a series' first answer, whose
-- previous counter is NULL: the calls before it cannot be seen.
create or replace function reporting.counter_delta(counter integer, previous_counter integer, is_new_day boolean)
returns integer
language sql
immutable
parallel safe
as $$
    select case
        when is_new_day or counter < previous_counter then counter
        else counter - previous_counter
    end
$$;
comment on function reporting.counter_delta(integer, integer, boolean) is 'Increase of a daily-reset counter since the previous answer: counter after a reset (new local day or a decrease), else counter - previous_counter; NULL without a previous answer.';
