package io.convosowarehouse.report;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Runs a report: its defaults under the caller's parameters, every psql variable bound as a jOOQ bind
 * value, in a read-only transaction, the values read as the text PostgreSQL sends (as psql shows it).
 */
@Component
public class ReportRunner {

    private final DSLContext dsl;

    public ReportRunner(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ReportResult run(ReportDefinition report, Map<String, String> parameters) {
        Map<String, String> values = new HashMap<>(report.script().defaults());
        values.putAll(parameters);
        BoundSql bound = BoundSql.bind(report.script().sql(), values);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("set transaction read only");
            try (ResultSet resultSet = tx.resultQuery(bound.sql(), bound.values().toArray()).fetchResultSet()) {
                return read(resultSet);
            }
        });
    }

    private static ReportResult read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        List<ReportColumn> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new ReportColumn(metaData.getColumnLabel(i), kind(metaData.getColumnType(i))));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = resultSet.getString(i + 1);
            }
            rows.add(Arrays.asList(row));
        }
        return new ReportResult(columns, rows);
    }

    private static ReportColumn.Kind kind(int sqlType) {
        switch (sqlType) {
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.REAL:
            case Types.DOUBLE:
            case Types.FLOAT:
                return ReportColumn.Kind.NUMBER;
            case Types.BOOLEAN:
            case Types.BIT:
                return ReportColumn.Kind.BOOLEAN;
            default:
                return ReportColumn.Kind.TEXT;
        }
    }
}
