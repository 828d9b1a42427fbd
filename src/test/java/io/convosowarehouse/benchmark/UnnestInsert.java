package io.convosowarehouse.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code INSERT … SELECT FROM unnest(?, ?, …)}: one array parameter per column, so one statement
 * carries a whole answer. The alternative to COPY that stays inside ordinary SQL (and jOOQ).
 * bigint[] and text[] columns cannot be unnested from a two-dimensional array, so they travel as
 * text[] of array literals and are cast back per row.
 */
final class UnnestInsert {

    /** How one column's values travel: the driver's array element type and the SQL cast after unnest. */
    private record ColumnType(String elementType, String castAfterUnnest) {
    }

    private final Connection connection;
    private final List<ColumnType> types;
    private final String sql;

    UnnestInsert(Connection connection, String table, Map<String, String> sqlTypes) {
        this.connection = connection;
        this.types = BaselineRows.COLUMNS.stream().map(c -> typeOf(sqlTypes.get(c))).toList();
        List<String> selected = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < BaselineRows.COLUMNS.size(); i++) {
            String column = BaselineRows.COLUMNS.get(i);
            ColumnType type = types.get(i);
            selected.add("u." + column + (type.castAfterUnnest() == null ? "" : "::" + type.castAfterUnnest()));
            parameters.add("?::" + type.elementType() + "[]");
        }
        this.sql = "insert into " + table + " (" + String.join(", ", BaselineRows.COLUMNS) + ") select "
                + String.join(", ", selected) + " from unnest(" + String.join(", ", parameters) + ") as u("
                + String.join(", ", BaselineRows.COLUMNS) + ")";
    }

    /** Binds the arrays, then times the execution alone; returns the nanoseconds it took. */
    long insert(List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < types.size(); column++) {
                Object[] values = new Object[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    values[row] = element(rows.get(row)[column]);
                }
                Array array = connection.createArrayOf(types.get(column).elementType(), values);
                statement.setArray(column + 1, array);
            }
            long start = System.nanoTime();
            statement.executeUpdate();
            return System.nanoTime() - start;
        }
    }

    private static Object element(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Long[] ids) {
            return ArrayLiterals.ofLongs(ids);
        }
        if (value instanceof String[] texts) {
            return ArrayLiterals.ofTexts(texts);
        }
        return value;
    }

    private static ColumnType typeOf(String sqlType) {
        return switch (sqlType) {
            case "bigint" -> new ColumnType("int8", null);
            case "integer" -> new ColumnType("int4", null);
            case "smallint" -> new ColumnType("int2", null);
            case "boolean" -> new ColumnType("bool", null);
            case "timestamp with time zone" -> new ColumnType("timestamptz", null);
            case "bigint[]", "text[]" -> new ColumnType("text", sqlType);
            default -> throw new IllegalArgumentException("no unnest mapping for " + sqlType);
        };
    }

    /** Column name → format_type() of warehouse.agent_snapshot, which the mapping above reads. */
    static Map<String, String> columnTypes(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select attname, format_type(atttypid, atttypmod) from pg_attribute
                        where attrelid = 'warehouse.agent_snapshot'::regclass and attnum > 0 and not attisdropped""")) {
            Map<String, String> types = new HashMap<>();
            while (result.next()) {
                types.put(result.getString(1), result.getString(2));
            }
            return types;
        }
    }
}
