package io.convosowarehouse.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables the warehouse is measured against, in a schema of their own: the same columns as
 * warehouse.agent_snapshot but unpartitioned, without keys, indexes or triggers (what plain COPY
 * and INSERT … unnest write into), and the naive layout: one row per agent with its JSON as text.
 */
final class BaselineTables {

    static final String COPY_TABLE = "bench.agent_snapshot_copy";
    static final String UNNEST_TABLE = "bench.agent_snapshot_unnest";
    static final String NAIVE_TABLE = "bench.agent_json";

    private BaselineTables() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute("create table " + COPY_TABLE + " (like warehouse.agent_snapshot)");
            statement.execute("create table " + UNNEST_TABLE + " (like warehouse.agent_snapshot)");
            statement.execute("create table " + NAIVE_TABLE
                    + " (snapshot_id bigint not null, observed_at timestamptz not null, agent text not null)");
        }
    }
}
