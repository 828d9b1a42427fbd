package io.convosowarehouse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A database of its own for one test class, migrated with the project's Flyway scripts, and the
 * Spring properties that point a command at it; closing it drops it.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final Connection connection;
    private final DSLContext dsl;

    private TestDatabase(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
        this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
    }

    /** An empty database: nothing migrated yet. */
    public static TestDatabase empty(String testName) {
        PostgresServer server = PostgresServer.get();
        return connect(server, server.createDatabase(testName));
    }

    private static TestDatabase connect(PostgresServer server, String url) {
        try {
            return new TestDatabase(url, DriverManager.getConnection(url, server.user(), server.password()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database with every migration applied. */
    public static TestDatabase migrated(String testName) {
        PostgresServer server = PostgresServer.get();
        return connect(server, server.createMigratedDatabase(testName));
    }

    public String url() {
        return url;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The Spring properties that make a command use this database. */
    public Map<String, String> springProperties() {
        PostgresServer server = PostgresServer.get();
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", server.user(),
                "spring.datasource.password", server.password());
    }

    public long count(String table) {
        return ((Number) dsl.fetchValue("select count(*) from " + table)).longValue();
    }

    /** Drops the database: a test run leaves nothing behind on the server. */
    @Override
    public void close() throws SQLException {
        connection.close();
        PostgresServer.get().dropDatabase(url);
    }
}
