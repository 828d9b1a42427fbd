package io.convosowarehouse.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * warehouse.label as the baselines see it: the ids the pipeline handed out, read back so the
 * baseline rows carry exactly the integers the warehouse stored. Re-read when a value is missing.
 */
final class LabelCache implements BaselineRows.LabelIds {

    private record Key(String field, String value) {
    }

    private final Connection connection;
    private final Map<Key, Integer> ids = new HashMap<>();

    LabelCache(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Integer idOf(String field, String value) {
        if (value == null) {
            return null;
        }
        Integer id = ids.get(new Key(field, value));
        if (id == null) {
            reload();
            id = ids.get(new Key(field, value));
        }
        if (id == null) {
            throw new IllegalStateException("the pipeline stored no label " + field + "=" + value);
        }
        return id;
    }

    private void reload() {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select field, value, label_id from warehouse.label")) {
            while (result.next()) {
                ids.put(new Key(result.getString(1), result.getString(2)), result.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read warehouse.label", e);
        }
    }
}
