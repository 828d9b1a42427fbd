package io.convosowarehouse.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells, before anything starts, whether a PostgreSQL answers at the configured URL, so the demo
 * can say exactly how to get one instead of failing deep inside start-up.
 */
public final class DatabaseProbe {

    private DatabaseProbe() {
    }

    /** Empty when a connection could be made; otherwise why not. */
    public static Optional<String> problemWith(String url, String user, String password) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\\R")[0]);
        }
    }
}
