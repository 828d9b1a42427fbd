package io.convosowarehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The documented example answer, loaded by the real {@code ingest} command into an empty database,
 * comes out of the warehouse with every field typed and valued as the API meant it.
 */
class ExampleAnswerLoadIT {

    private static final String EXAMPLE = Path.of("src/test/resources/fixtures/agent-monitor-search.example.json").toString();
    private static TestDatabase database;
    private static Cli.Result firstLoad;

    @BeforeAll
    static void loadTheExampleIntoAnEmptyDatabase() {
        database = TestDatabase.empty("example_answer");
        firstLoad = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE);
        database.dsl().execute("set time zone 'UTC'");
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void ingestMigratesTheEmptyDatabaseAndLoadsOneSnapshot() {
        assertThat(firstLoad.exitCode()).as(firstLoad.all()).isZero();
        assertThat(firstLoad.out()).contains("1 snapshot(s) loaded", "1 agent rows", "0 rejected");
        assertThat(firstLoad.all()).as("an account whose only interval is open has nothing to settle, quietly")
                .doesNotContain("could not settle");
        assertThat(database.count("warehouse.snapshot")).isEqualTo(1);
        assertThat(database.count("warehouse.agent_snapshot")).isEqualTo(1);
        assertThat(database.count("warehouse.campaign_stats")).isEqualTo(1);
        assertThat(database.count("warehouse.queue_stats")).isEqualTo(1);
        assertThat(database.count("ingest.raw_payload")).isEqualTo(1);
        assertThat(database.count("ingest.rejected_record")).isZero();
        assertThat(database.count("ingest.schema_drift")).isZero();
    }

    @Test
    void everyAgentFieldIsStoredTypedUnderItsApiName() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("user_id", List.of("bigint", "123456"));
        expected.put("user_full_name", List.of("text", "Agent Example"));
        expected.put("campaign_id", List.of("bigint", "9999"));
        expected.put("campaign_name", List.of("text", "Sample Campaign"));
        expected.put("queue_id", List.of("bigint", "null"));
        expected.put("queue_name", List.of("text", "null"));
        expected.put("queue_assignment", List.of("text", "Sample Queue Assignment"));
        expected.put("queue_assignment_ids", List.of("bigint[]", "[11111, 22222]"));
        expected.put("list_id", List.of("bigint", "null"));
        expected.put("list_name", List.of("text", "null"));
        expected.put("extension", List.of("text", "SIP-00000"));
        expected.put("channel_type", List.of("text", "VOICE"));
        expected.put("call_type", List.of("text", "null"));
        expected.put("lead_id", List.of("bigint", "null"));
        expected.put("call_log_id", List.of("bigint", "999999999"));
        expected.put("calls_today", List.of("integer", "123"));
        expected.put("total_calls", List.of("integer", "123"));
        expected.put("since_last_update", List.of("integer", "5"));
        // 14:43:52 in Los Angeles (PDT, UTC-7) on 2025-05-28
        expected.put("last_state_change", List.of("timestamp with time zone", "2025-05-28T21:43:52+00:00"));
        expected.put("last_call_time", List.of("timestamp with time zone", "2025-05-28T21:43:48+00:00"));
        expected.put("last_update_time", List.of("timestamp with time zone", "2025-05-28T21:43:54+00:00"));
        expected.put("last_call_finish", List.of("timestamp with time zone", "2025-05-28T21:43:52+00:00"));
        expected.put("last_inbound_call_time", List.of("timestamp with time zone", "2025-05-28T21:37:48+00:00"));
        expected.put("last_inbound_call_finish", List.of("timestamp with time zone", "2025-05-28T21:37:55+00:00"));
        expected.put("availability_id", List.of("bigint", "2"));
        expected.put("inbound_only", List.of("boolean", "false"));
        expected.put("status", List.of("text", "READY"));
        expected.put("status_label", List.of("text", "Ready"));
        expected.put("status_time_sec", List.of("integer", "31447"));
        expected.put("status_time_mmss", List.of("interval", "08:44:07"));
        expected.put("status_ready_time_sec", List.of("integer", "2"));
        expected.put("status_ready_time_mmss", List.of("interval", "00:00:02"));
        expected.put("status_wait_time_sec", List.of("integer", "2"));
        expected.put("status_wait_time_mmss", List.of("interval", "00:00:02"));
        expected.put("status_incall_time_sec", List.of("integer", "0"));
        expected.put("status_incall_time_mmss", List.of("interval", "00:00:00"));
        expected.put("status_dispo_time_sec", List.of("integer", "0"));
        expected.put("status_dispo_time_mmss", List.of("interval", "00:00:00"));
        expected.put("status_dead_time_sec", List.of("integer", "0"));
        expected.put("status_dead_time_mmss", List.of("interval", "00:00:00"));
        expected.put("status_preview_time_sec", List.of("integer", "0"));
        expected.put("status_preview_time_mmss", List.of("interval", "00:00:00"));
        expected.put("status_length_sec", List.of("integer", "2"));
        expected.put("status_length", List.of("interval", "00:00:02"));
        expected.put("campaign_skill", List.of("integer", "0"));
        expected.put("campaign_weight", List.of("integer", "0"));
        expected.put("force_logout", List.of("boolean", "false"));
        expected.put("awaiting_confirmation", List.of("boolean", "false"));
        expected.put("connection_type", List.of("text", "BROWSER"));
        expected.put("class", List.of("text", "waiting_light"));
        expected.put("text_class", List.of("text", "text_black"));
        expected.put("skill_options", List.of("text[]", "[]"));

        assertThat(typedValues("reporting.agent_snapshot")).containsAllEntriesOf(expected);
        assertThat(typedValues("reporting.agent_snapshot").keySet())
                .as("the view has every API agent field and only the row's keys besides")
                .containsExactlyInAnyOrderElementsOf(withKeys(expected.keySet(), "snapshot_id", "account_id", "observed_at"));
    }

    @Test
    void everyCounterIsStoredTyped() {
        Map<String, List<String>> campaign = new LinkedHashMap<>();
        campaign.put("campaign_id", List.of("bigint", "null"));
        campaign.put("dialable_leads", List.of("bigint", "4271138"));
        campaign.put("calls_today", List.of("integer", "298345"));
        campaign.put("manual_calls_today", List.of("integer", "181"));
        campaign.put("dropped", List.of("integer", "2074"));
        campaign.put("dropped_percent", List.of("numeric", "1.54"));
        campaign.put("agents_average_onemin", List.of("numeric", "0.16"));
        campaign.put("answered", List.of("integer", "20544"));
        campaign.put("outbound_total_pause_avg", List.of("numeric", "1.19"));
        campaign.put("outbound_total_wait_avg", List.of("numeric", "3.12"));
        campaign.put("outbound_total_talk_avg", List.of("numeric", "2.97"));
        campaign.put("outbound_total_dispo_avg", List.of("numeric", "0.28"));
        campaign.put("outbound_total_agents_today", List.of("integer", "313"));
        campaign.put("outbound_total_pause_avg_length", List.of("bigint", "353806"));
        campaign.put("outbound_total_wait_avg_length", List.of("bigint", "930628"));
        campaign.put("outbound_total_talk_avg_length", List.of("bigint", "886591"));
        campaign.put("outbound_total_dispo_avg_length", List.of("bigint", "82162"));
        campaign.put("hopper", List.of("integer", "12220"));
        campaign.put("calls_placed", List.of("integer", "220"));
        campaign.put("calls_ringing", List.of("integer", "219"));
        campaign.put("calls_waiting_in", List.of("integer", "0"));
        campaign.put("calls_waiting_out", List.of("integer", "1"));
        campaign.put("amdmsgs", List.of("integer", "0"));
        campaign.put("agent_total", List.of("integer", "128"));
        campaign.put("agent_incall", List.of("integer", "21"));
        campaign.put("agent_ready", List.of("integer", "36"));
        campaign.put("agent_paused", List.of("integer", "67"));
        campaign.put("agent_dead", List.of("integer", "3"));
        campaign.put("agent_dispo", List.of("integer", "1"));
        for (String state : List.of("total", "incall", "ready", "paused", "dead", "dispo")) {
            campaign.put("agent_" + state + "_time", List.of("bigint", "0"));
            campaign.put("agent_" + state + "_time_count", List.of("integer", "0"));
        }
        campaign.put("agent_time_ready", List.of("bigint", "1081"));
        campaign.put("agent_time_count_ready", List.of("integer", "36"));
        campaign.put("agent_time_incall", List.of("bigint", "565"));
        campaign.put("agent_time_count_incall", List.of("integer", "21"));
        campaign.put("agent_time_paused", List.of("bigint", "256219"));
        campaign.put("agent_time_count_paused", List.of("integer", "67"));
        campaign.put("agent_time_dead", List.of("bigint", "6"));
        campaign.put("agent_time_count_dead", List.of("integer", "3"));
        campaign.put("agent_time_dispo", List.of("bigint", "1401"));
        campaign.put("agent_time_count_dispo", List.of("integer", "1"));
        // "HH:MM:SS" averages are stored in seconds
        campaign.put("agent_avg_incall", List.of("integer", "26"));
        campaign.put("agent_avg_ready", List.of("integer", "30"));
        campaign.put("agent_avg_paused", List.of("integer", "3824"));
        campaign.put("agent_avg_dispo", List.of("integer", "1401"));
        campaign.put("agent_avg_dead", List.of("integer", "2"));
        assertThat(typedValues("warehouse.campaign_stats")).containsAllEntriesOf(campaign);
        assertThat(typedValues("warehouse.campaign_stats").keySet())
                .containsExactlyInAnyOrderElementsOf(withKeys(campaign.keySet(), "snapshot_id", "account_id", "observed_at"));

        Map<String, List<String>> queue = new LinkedHashMap<>();
        queue.put("queue_id", List.of("bigint", "null"));
        queue.put("queue_dialable_leads", List.of("bigint", "6362335"));
        queue.put("queue_calls_today", List.of("integer", "399475"));
        queue.put("queue_dropped", List.of("integer", "6185"));
        queue.put("queue_answered", List.of("integer", "30595"));
        queue.put("queue_answered_percent", List.of("numeric", "7.66"));
        queue.put("queue_dropped_percent", List.of("numeric", "1.55"));
        queue.put("inbound_total_pause_avg", List.of("numeric", "1.41"));
        queue.put("inbound_total_wait_avg", List.of("numeric", "4.28"));
        queue.put("inbound_total_talk_avg", List.of("numeric", "4.19"));
        queue.put("inbound_total_dispo_avg", List.of("numeric", "0.56"));
        queue.put("inbound_total_agents_today", List.of("integer", "2905"));
        assertThat(typedValues("warehouse.queue_stats")).containsAllEntriesOf(queue);
        assertThat(typedValues("warehouse.queue_stats").keySet())
                .containsExactlyInAnyOrderElementsOf(withKeys(queue.keySet(), "snapshot_id", "account_id", "observed_at"));
    }

    @Test
    void theSnapshotRecordsScopeTimesAndTheAnswerEnvelope() {
        Map<String, List<String>> snapshot = typedValues("warehouse.snapshot");
        assertThat(snapshot).containsEntry("scope_kind", List.of("text", "account"))
                .containsEntry("scope_id", List.of("text", ""))
                // data.time 2025-06-02 10:51:47 in Los Angeles
                .containsEntry("observed_at", List.of("timestamp with time zone", "2025-06-02T17:51:47+00:00"))
                .containsEntry("time", List.of("timestamp with time zone", "2025-06-02T17:51:47+00:00"))
                .containsEntry("received_at", List.of("timestamp with time zone", "2025-06-02T17:51:50+00:00"))
                .containsEntry("clock_skew_sec", List.of("integer", "-3"))
                .containsEntry("agent_count", List.of("integer", "1"))
                .containsEntry("available_agents", List.of("integer", "36"))
                .containsEntry("logged_in_agents", List.of("integer", "125"))
                .containsEntry("out_of_funds", List.of("boolean", "false"))
                .containsEntry("entries_success", List.of("boolean", "true"))
                .containsEntry("entries_code", List.of("integer", "200"));
        assertThat(database.dsl().fetchValue("select campaigns = '[{\"value\": 1234, \"name\": \"My Campaign Name\"}]'::jsonb "
                + "and queues = '[{\"value\": 56789, \"name\": \"My Queue Name\"}]'::jsonb "
                + "and call_data -> 'inbound_active_calls' = '[]'::jsonb from warehouse.snapshot")).isEqualTo(true);
    }

    @Test
    void theDimensionsKnowTheNamedAgentCampaignsAndQueues() {
        assertThat(database.dsl().fetch("select user_id || ' ' || user_full_name from warehouse.agent").getValues(0, String.class))
                .containsExactly("123456 Agent Example");
        assertThat(database.dsl().fetch("select campaign_id || ' ' || campaign_name from warehouse.campaign order by 1")
                .getValues(0, String.class))
                .containsExactly("1234 My Campaign Name", "9999 Sample Campaign");
        assertThat(database.dsl().fetch("select queue_id || ' ' || queue_name from warehouse.queue").getValues(0, String.class))
                .containsExactly("56789 My Queue Name");
    }

    @Test
    void theRawAnswerIsArchivedCompressedAndRestoresToTheExactBytes() throws Exception {
        byte[] original = java.nio.file.Files.readAllBytes(Path.of(EXAMPLE));
        var raw = database.dsl().fetchSingle("select body_gzip, body_bytes, outcome from ingest.raw_payload");
        byte[] restored = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw.get(0, byte[].class))).readAllBytes();
        assertThat(restored).isEqualTo(original);
        assertThat(raw.get(1, Integer.class)).isEqualTo(original.length);
        assertThat(raw.get(0, byte[].class).length).isLessThan(original.length / 3);
        assertThat(raw.get(2, String.class)).isEqualTo("loaded");
    }

    @Test
    void loadingTheSameAnswerAgainChangesNoRowCount() {
        List<String> tables = List.of("warehouse.snapshot", "warehouse.agent_snapshot", "warehouse.campaign_stats",
                "warehouse.queue_stats", "warehouse.agent", "warehouse.campaign", "warehouse.queue", "warehouse.label",
                "ingest.raw_payload", "ingest.rejected_record", "ingest.schema_drift");
        Map<String, Long> before = new LinkedHashMap<>();
        tables.forEach(table -> before.put(table, database.count(table)));

        Cli.Result again = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:51:50Z", EXAMPLE);
        Cli.Result laterReceipt = Cli.run(database.springProperties(), "ingest", "--received-at", "2025-06-02T17:52:30Z", EXAMPLE);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 snapshot(s) loaded, 1 already loaded");
        assertThat(laterReceipt.out()).as("same data.time and body, received later: still the same answer")
                .contains("0 snapshot(s) loaded, 1 already loaded");
        tables.forEach(table -> assertThat(database.count(table)).as(table).isEqualTo(before.get(table)));
    }

    /** Column name → [SQL type, value as text] of the table's single row. */
    private static Map<String, List<String>> typedValues(String table) {
        String[] parts = table.split("\\.");
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (org.jooq.Record column : database.dsl().resultQuery("""
                select c.column_name::text,
                       format_type(a.atttypid, a.atttypmod),
                       coalesce(j.value #>> '{}', 'null')
                from information_schema.columns c
                join pg_attribute a on a.attrelid = (c.table_schema || '.' || c.table_name)::regclass and a.attname = c.column_name
                cross join lateral (select to_jsonb(t) -> c.column_name as value from %s t) j
                where c.table_schema = {0} and c.table_name = {1}
                order by c.ordinal_position
                """.formatted(table), parts[0], parts[1]).fetch()) {
            String value = column.get(2, String.class);
            if (value.startsWith("[")) {
                value = value.replace("\"", "");
            }
            values.put(column.get(0, String.class), List.of(column.get(1, String.class), value));
        }
        return values;
    }

    private static List<String> withKeys(java.util.Collection<String> fields, String... keys) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.addAll(List.of(keys));
        return all;
    }
}
