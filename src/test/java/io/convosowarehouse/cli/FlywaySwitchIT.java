package io.convosowarehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * Flyway's run-time switch in the context Spring AOT generated at build time, as the image runs it
 * ({@code -Dspring.aot.enabled=true}): the auto-configuration's conditions were evaluated then, so the switch must
 * be read when the context starts. A failsafe test: the generated code exists only after packaging.
 */
class FlywaySwitchIT {

    @Test
    void withFlywaySwitchedOffACommandLeavesAnEmptyDatabaseEmpty() throws Exception {
        try (TestDatabase database = TestDatabase.empty("flyway_switch_off")) {
            Map<String, String> settings = aotSettings(database);
            settings.put("spring.flyway.enabled", "false");

            Cli.Result result = Cli.run(settings, "poll");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.DATABASE.code());
            assertThat(historyTableExists(database)).as("Flyway's history table").isFalse();
        }
    }

    @Test
    void byDefaultACommandMigratesOnStart() throws Exception {
        try (TestDatabase database = TestDatabase.empty("flyway_switch_default")) {
            Cli.Result result = Cli.run(aotSettings(database), "poll");

            assertThat(historyTableExists(database)).as("Flyway's history table; " + result.all()).isTrue();
            assertThat(database.count("public.flyway_schema_history where not success")).isZero();
        }
    }

    /** The generated context; the API cannot be reached, which the switch does not care about. */
    private static Map<String, String> aotSettings(TestDatabase database) throws ClassNotFoundException {
        Class.forName("io.convosowarehouse.WarehouseApplication__ApplicationContextInitializer");
        Map<String, String> settings = new HashMap<>(database.springProperties());
        settings.put("spring.aot.enabled", "true");
        settings.put("convoso.base-url", "http://127.0.0.1:1");
        settings.put("convoso.auth-token", "flyway-switch");
        settings.put("convoso.http.initial-backoff", "10ms");
        return settings;
    }

    private static boolean historyTableExists(TestDatabase database) {
        return Boolean.TRUE.equals(database.dsl().fetchValue("select to_regclass('public.flyway_schema_history') is not null"));
    }
}
