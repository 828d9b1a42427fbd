package io.convosowarehouse.benchmark;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout the warehouse's storage is compared with: each agent's JSON object, exactly as the
 * API sent it, in one text column beside the snapshot id and time. Loaded untimed.
 */
final class NaiveJsonLayout {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final PlainCopy copy;

    NaiveJsonLayout(java.sql.Connection connection) {
        this.copy = new PlainCopy(connection, BaselineTables.NAIVE_TABLE, List.of("snapshot_id", "observed_at", "agent"));
    }

    void load(long snapshotId, Instant observedAt, byte[] body) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode agent : mapper.readTree(body).path("data").path("entries").path("agents")) {
            rows.add(new Object[] {snapshotId, observedAt, agent.toString()});
        }
        copy.copy(CopyText.of(rows));
    }
}
