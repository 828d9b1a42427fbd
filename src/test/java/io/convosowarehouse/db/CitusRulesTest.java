package io.convosowarehouse.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.TestDatabase;

/**
 * What Citus requires of the schema, checked on plain PostgreSQL so that it holds everywhere, not only where a
 * cluster runs: db/citus/distribute.sql names every table of the warehouse and ingest schemas; a distributed table
 * is distributed by account_id and every key of it includes account_id; no distributed or reference table has a
 * trigger; no view, function or report uses a simple CASE (Citus deparses it wrongly). Each rule is also shown
 * to fail on a schema that breaks it.
 */
class CitusRulesTest {

    private static final Path DISTRIBUTE = Path.of("db/citus/distribute.sql");
    private static final Pattern REFERENCE = Pattern.compile("create_reference_table\\(\\s*'([\\w.]+)'\\s*\\)");
    private static final Pattern DISTRIBUTED = Pattern.compile("create_distributed_table\\(\\s*'([\\w.]+)'\\s*,\\s*'(\\w+)'");
    /** CASE followed by anything but WHEN: the simple form, CASE x WHEN 'A'. */
    private static final Pattern SIMPLE_CASE = Pattern.compile("\\bcase\\s+(?!when\\b)[^\\s]", Pattern.CASE_INSENSITIVE);

    private static TestDatabase database;
    private static List<String> referenceTables;
    private static Map<String, String> distributionColumns;

    @BeforeAll
    static void migrateAndReadTheDistribution() throws IOException {
        database = TestDatabase.migrated("citus_rules");
        String script = Files.readString(DISTRIBUTE);
        referenceTables = REFERENCE.matcher(script).results().map(match -> match.group(1)).toList();
        distributionColumns = DISTRIBUTED.matcher(script).results()
                .collect(java.util.stream.Collectors.toMap(match -> match.group(1), match -> match.group(2)));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void everyTableIsEitherAReferenceTableOrDistributedByAccountId() {
        assertThat(distributionColumns).isNotEmpty().allSatisfy((table, column) -> assertThat(column).as(table).isEqualTo("account_id"));
        assertThat(tablesNotInTheDistribution(database.dsl())).isEmpty();
    }

    @Test
    void aNewTableMissingFromTheDistributionIsFound() {
        database.dsl().execute("create table warehouse.forgotten (account_id smallint)");
        try {
            assertThat(tablesNotInTheDistribution(database.dsl())).containsExactly("warehouse.forgotten");
        } finally {
            database.dsl().execute("drop table warehouse.forgotten");
        }
    }

    @Test
    void everyKeyOfADistributedTableIncludesAccountId() {
        assertThat(keysWithoutAccountId(database.dsl())).isEmpty();
    }

    @Test
    void aKeyWithoutAccountIdIsFound() {
        database.dsl().execute("alter table warehouse.agent_shift add constraint shift_once unique (user_id, login_at)");
        try {
            assertThat(keysWithoutAccountId(database.dsl())).containsExactly("warehouse.agent_shift.shift_once");
        } finally {
            database.dsl().execute("alter table warehouse.agent_shift drop constraint shift_once");
        }
    }

    @Test
    void noTableOfTheDistributionHasATrigger() {
        assertThat(triggers(database.dsl())).isEmpty();
    }

    @Test
    void aTriggerOnADistributedTableIsFound() {
        database.dsl().execute("""
                create function public.nothing() returns trigger language plpgsql as $$ begin return null; end $$;
                create trigger nothing after insert on warehouse.snapshot for each statement execute function public.nothing()
                """);
        try {
            assertThat(triggers(database.dsl())).contains("warehouse.snapshot.nothing");
        } finally {
            database.dsl().execute("drop function public.nothing() cascade");
        }
    }

    @Test
    void noViewFunctionOrReportUsesASimpleCase() {
        assertThat(simpleCases(database.dsl())).isEmpty();
    }

    @Test
    void aSimpleCaseInAViewIsFound() {
        database.dsl().execute("""
                create view reporting.simple_case as
                select case scope_kind when 'account' then 1 else 0 end as whole_account from warehouse.snapshot
                """);
        try {
            assertThat(simpleCases(database.dsl())).containsExactly("reporting.simple_case");
        } finally {
            database.dsl().execute("drop view reporting.simple_case");
        }
    }

    private static List<String> tablesNotInTheDistribution(DSLContext dsl) {
        return dsl.fetch("""
                select table_class::text as table_name
                from (select c.oid::regclass as table_class
                      from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      where n.nspname in ('warehouse', 'ingest')
                        and c.relkind in ('r', 'p')
                        and not c.relispartition) as warehouse_table
                order by 1
                """).getValues("table_name", String.class).stream()
                .filter(table -> !referenceTables.contains(table) && !distributionColumns.containsKey(table))
                .toList();
    }

    private static List<String> keysWithoutAccountId(DSLContext dsl) {
        return dsl.fetch("""
                select key.conrelid::regclass::text || '.' || key.conname as key_name
                from pg_constraint key
                where key.contype in ('p', 'u', 'x')
                  and key.conrelid = any ({0}::regclass[])
                  and not exists (select from pg_attribute a
                                  where a.attrelid = key.conrelid and a.attnum = any (key.conkey) and a.attname = 'account_id')
                order by 1
                """, (Object) distributionColumns.keySet().toArray(String[]::new)).getValues("key_name", String.class);
    }

    private static List<String> triggers(DSLContext dsl) {
        String[] tables = Stream.concat(referenceTables.stream(), distributionColumns.keySet().stream()).toArray(String[]::new);
        return dsl.fetch("""
                select t.tgrelid::regclass::text || '.' || t.tgname as trigger_name
                from pg_trigger t
                where not t.tgisinternal
                  and t.tgrelid = any ({0}::regclass[])
                order by 1
                """, (Object) tables).getValues("trigger_name", String.class);
    }

    /** Views and functions of the project's schemas (trigger functions aside: no trigger may run), and the reports. */
    private static List<String> simpleCases(DSLContext dsl) {
        var definitions = dsl.fetch("""
                select c.oid::regclass::text as object_name, pg_get_viewdef(c.oid) as definition
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('warehouse', 'ingest', 'reporting') and c.relkind in ('v', 'm')
                union all
                select p.oid::regprocedure::text, p.prosrc
                from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('warehouse', 'ingest', 'reporting')
                  and p.prorettype <> 'trigger'::regtype
                """).intoMap("object_name", "definition");
        Stream<String> reports = reports().filter(report -> SIMPLE_CASE.matcher(read(report)).find()).map(Path::toString);
        return Stream.concat(definitions.entrySet().stream()
                                .filter(definition -> SIMPLE_CASE.matcher(withoutComments((String) definition.getValue())).find())
                                .map(definition -> (String) definition.getKey()),
                        reports)
                .sorted().toList();
    }

    private static Stream<Path> reports() {
        try {
            return Files.list(Path.of("sql-reports")).filter(file -> file.toString().endsWith(".sql")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return withoutComments(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(String sql) {
        Matcher comment = Pattern.compile("--[^\n]*").matcher(sql);
        return comment.replaceAll("").toLowerCase(Locale.ROOT);
    }
}
