package io.convosowarehouse.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.convosowarehouse.parse.AgentFields;
import io.convosowarehouse.parse.AgentRow;
import io.convosowarehouse.parse.ApiField;
import io.convosowarehouse.parse.ColumnType;

/**
 * The agent rows of one answer as the column values of warehouse.agent_snapshot, in one fixed
 * order, for the baselines that write the same rows without the pipeline. Strings the warehouse
 * keeps in warehouse.label become the same integer ids, so both sides store identical values.
 */
final class BaselineRows {

    /** Column names in value order; the baselines' tables take them from warehouse.agent_snapshot. */
    static final List<String> COLUMNS = Stream.concat(Stream.of("snapshot_id", "observed_at", "account_id"),
            AgentFields.BLOCK.fields().stream().map(ApiField::column)).toList();

    /** Resolves (field, value) to its warehouse.label id. */
    interface LabelIds {
        Integer idOf(String field, String value);
    }

    private BaselineRows() {
    }

    static List<Object[]> of(long snapshotId, Instant observedAt, short accountId, List<AgentRow> agents, LabelIds labels) {
        List<Object[]> rows = new ArrayList<>(agents.size());
        for (AgentRow a : agents) {
            List<Object> row = new ArrayList<>(COLUMNS.size());
            row.addAll(List.of(snapshotId, observedAt, accountId));
            for (ApiField<?> field : AgentFields.BLOCK.fields()) {
                Object value = a.get(field);
                row.add(field.type() == ColumnType.LABEL ? labels.idOf(field.name(), (String) value) : value);
            }
            rows.add(row.toArray());
        }
        return rows;
    }
}
