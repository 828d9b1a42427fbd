package io.convosowarehouse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests run against: a Testcontainers container when a Docker engine
 * answers, otherwise the server at {@code CW_TEST_JDBC_URL} (default
 * {@code jdbc:postgresql://localhost:5432/postgres}, user {@code CW_TEST_USER} or postgres).
 * Each test class gets a database of its own from {@link #createDatabase(String)}.
 */
public final class PostgresServer {

    private static final class Holder {
        static final PostgresServer INSTANCE = connect();
    }

    private final String adminUrl;
    private final String user;
    private final String password;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    /** The name of the database {@link #createMigratedDatabase} copies, once it exists. */
    private String migratedTemplate;

    private PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    public static PostgresServer get() {
        return Holder.INSTANCE;
    }

    private static PostgresServer connect() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String url = envOr("CW_TEST_JDBC_URL", "jdbc:postgresql://localhost:5432/postgres");
        return new PostgresServer(url, envOr("CW_TEST_USER", "postgres"), envOr("CW_TEST_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Creates an empty database named after the test and returns its JDBC URL. */
    public String createDatabase(String testName) {
        return createDatabase(testName, null);
    }

    /**
     * Creates a database with every migration applied and returns its JDBC URL: a copy of one migrated once
     * per test JVM, since copying a database is much faster than running the migrations again.
     */
    public String createMigratedDatabase(String testName) {
        return createDatabase(testName, migratedTemplate());
    }

    private synchronized String migratedTemplate() {
        if (migratedTemplate == null) {
            String url = createDatabase("migrated_template");
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("filesystem:db/migration")
                    .load()
                    .migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(url), "drop-migrated-template"));
            migratedTemplate = nameOf(url);
        }
        return migratedTemplate;
    }

    private String createDatabase(String testName, String template) {
        String database = ("cw_" + testName + "_" + ProcessHandle.current().pid() + "_" + databaseCounter.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            connection.createStatement().execute("drop database if exists " + database + " with (force)");
            connection.createStatement().execute("create database " + database + (template == null ? "" : " template " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    private static String nameOf(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    /** Drops a database made by {@link #createDatabase}, ending any session still on it. */
    public void dropDatabase(String jdbcUrl) {
        String database = nameOf(jdbcUrl);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            connection.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database + ": " + e.getMessage(), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
