package io.convosowarehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.testsupport.PostgresServer;
import io.convosowarehouse.testsupport.TestDatabase;
import io.convosowarehouse.testsupport.WarehouseTestContext;

/** Retention drops whole months past each table's limit, and only those tables that have one. */
class PartitionRetentionIT {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("retention");
    }

    @BeforeEach
    void partitionsFromJanuaryToJune() {
        database.dsl().execute("select warehouse.ensure_partitions('2025-01-15Z', '2025-06-15Z')");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void monthsPastTheRawArchiveRetentionAreDroppedAndAgentRowsAreKeptByDefault() {
        try (ConfigurableApplicationContext context = WarehouseTestContext.start(database, Map.of())) {
            // 90 days before 2025-06-10 is 2025-03-12: January and February lie wholly before it
            List<String> dropped = context.getBean(PartitionRetention.class).apply(Instant.parse("2025-06-10T00:00:00Z"));

            assertThat(dropped).containsExactly("ingest.raw_payload_p202501", "ingest.raw_payload_p202502");
            assertThat(partitions("ingest", "raw_payload"))
                    .containsExactly("raw_payload_p202503", "raw_payload_p202504", "raw_payload_p202505", "raw_payload_p202506");
            assertThat(partitions("warehouse", "agent_snapshot")).hasSize(6);
        }
    }

    @Test
    void aRetentionForAgentRowsDropsTheirOldMonthsToo() {
        try (ConfigurableApplicationContext context = WarehouseTestContext.start(database,
                Map.of("convoso.retention.agent-snapshot", "120d"))) {
            context.getBean(PartitionRetention.class).apply(Instant.parse("2025-06-10T00:00:00Z"));
            assertThat(partitions("warehouse", "agent_snapshot")).first().isEqualTo("agent_snapshot_p202502");
            assertThat(partitions("warehouse", "campaign_stats")).as("counters are always kept").hasSize(6);
        }
    }

    @Test
    void aDetachInterruptedByAKilledRunIsFinishedByTheNextOne() throws SQLException {
        try (Connection reader = connect(); Connection killedRun = connect()) {
            // a long report holds the partition, so the detach waits for it, and the run dies waiting
            reader.setAutoCommit(false);
            reader.createStatement().execute("select count(*) from ingest.raw_payload");
            killedRun.createStatement().execute("set statement_timeout = '1s'");
            assertThatThrownBy(() -> killedRun.createStatement().execute(
                    "alter table ingest.raw_payload detach partition ingest.raw_payload_p202501 concurrently"))
                    .hasMessageContaining("statement timeout");
            reader.commit();
        }
        assertThat(database.dsl().fetchValue("""
                select inhdetachpending from pg_inherits where inhrelid = 'ingest.raw_payload_p202501'::regclass"""))
                .isEqualTo(true);

        try (ConfigurableApplicationContext context = WarehouseTestContext.start(database, Map.of())) {
            List<String> dropped = context.getBean(PartitionRetention.class).apply(Instant.parse("2025-06-10T00:00:00Z"));

            assertThat(dropped).contains("ingest.raw_payload_p202501");
            assertThat(database.dsl().fetchValue("select to_regclass('ingest.raw_payload_p202501')")).isNull();
        }
    }

    private static Connection connect() throws SQLException {
        PostgresServer server = PostgresServer.get();
        return DriverManager.getConnection(database.url(), server.user(), server.password());
    }

    private static List<String> partitions(String schema, String table) {
        return database.dsl().fetch("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = ({0} || '.' || {1})::regclass order by 1""",
                org.jooq.impl.DSL.val(schema), org.jooq.impl.DSL.val(table)).getValues(0, String.class);
    }
}
