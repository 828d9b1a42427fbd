package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.TestDatabase;

/** warehouse_reader reads the reporting and warehouse schemas and can change nothing. */
class WarehouseReaderRoleTest {

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("warehouse_reader_role");
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void migratingAnotherDatabaseOnTheSameServerKeepsTheOneRole() throws Exception {
        try (TestDatabase second = TestDatabase.migrated("warehouse_reader_role_again")) {
            assertThat(second.dsl().fetchValue("select count(*) from pg_roles where rolname = 'warehouse_reader'")).isEqualTo(1L);
        }
        assertThat(database.dsl().fetchValue("select rolcanlogin from pg_roles where rolname = 'warehouse_reader'")).isEqualTo(false);
        assertThat(String.valueOf(database.dsl().fetchValue(
                "select array_to_string(rolconfig, ',') from pg_roles where rolname = 'warehouse_reader'"))).contains("statement_timeout=60s");
    }

    @Test
    void readsEveryReportingViewAndWarehouseTableButWritesNothing() {
        List<String> views = database.dsl().fetch("select table_name from information_schema.views where table_schema = 'reporting'")
                .getValues(0, String.class);
        assertThat(views).contains("agent_shift", "agent_state_daily", "agent_status_quarter_hour", "campaign_counter_delta",
                "queue_counter_delta", "poll", "account");
        // a partition created after the migration (the job makes them monthly) is readable through default privileges
        database.dsl().execute("select warehouse.ensure_partitions('2030-01-01', '2030-01-02')");
        asReader(() -> {
            for (String view : views) {
                database.dsl().fetch("select * from reporting." + view + " limit 1");
            }
            database.dsl().fetch("select * from warehouse.snapshot limit 1");
            database.dsl().fetch("select * from warehouse.agent_snapshot_p203001 limit 1");
            database.dsl().fetch("select * from warehouse.agent_state_interval limit 1");
            assertThat(String.valueOf(database.dsl().fetchValue("select current_user"))).isEqualTo("warehouse_reader");
        });
        assertRefused("insert into warehouse.account (account_name, time_zone) values ('x', 'UTC')");
        assertRefused("update warehouse.agent_shift set ready_sec = 0");
        assertRefused("delete from warehouse.snapshot");
        assertRefused("select * from ingest.raw_payload");
        assertRefused("create table reporting.mine (x int)");
    }

    private static void assertRefused(String sql) {
        asReader(() -> assertThatThrownBy(() -> database.dsl().execute(sql))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("permission denied"));
    }

    private static void asReader(Runnable action) {
        database.dsl().execute("set role warehouse_reader");
        try {
            action.run();
        } finally {
            database.dsl().execute("reset role");
        }
    }
}
