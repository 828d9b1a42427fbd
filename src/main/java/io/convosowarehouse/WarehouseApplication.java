package io.convosowarehouse;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.Environment;

import io.convosowarehouse.job.StopSignal;

/**
 * The Spring context the commands run in; {@link ConvosoWarehouse} is the entry point. Whoever starts it registers
 * the stop signal and the clock (the system's, or the demo's simulated one).
 * <p>
 * Every run of the job starts this context, so it holds only what the job uses: the auto-configurations are
 * named rather than discovered (no task executor or scheduler, no AOP or JDBC templates, none of the conditions
 * of the other hundred-odd candidates), and only the packages that hold components are scanned (not the
 * generated jOOQ code, the simulator or the command line).
 * <p>
 * The build also runs Spring AOT on it ({@code process-aot}): the bean definitions become generated code, used
 * by runs started with {@code -Dspring.aot.enabled=true} (the image's), which then skip scanning, condition
 * evaluation and most reflection. Those conditions were evaluated at build time, so Flyway's beans exist whatever
 * {@code spring.flyway.enabled} says at run time; {@link #migrateUnlessSwitchedOff} takes that decision when the
 * context starts.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ConfigurationPropertiesAutoConfiguration.class, PropertyPlaceholderAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
        JooqAutoConfiguration.class, BatchJdbcAutoConfiguration.class, JacksonAutoConfiguration.class})
@ComponentScan({"io.convosowarehouse.archive", "io.convosowarehouse.demo", "io.convosowarehouse.derive",
        "io.convosowarehouse.job", "io.convosowarehouse.load", "io.convosowarehouse.parse", "io.convosowarehouse.pipeline",
        "io.convosowarehouse.report", "io.convosowarehouse.source"})
@ConfigurationPropertiesScan("io.convosowarehouse.config")
public class WarehouseApplication {

    /**
     * For the build's AOT processing only, which starts the context through a main method; the command line's
     * entry point is {@link ConvosoWarehouse}.
     */
    public static void main(String[] args) {
        new SpringApplicationBuilder(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("stopSignal", new StopSignal());
                    context.getBeanFactory().registerSingleton("clock", Clock.systemUTC());
                })
                .run(args);
    }

    /** Migrates on start unless {@code spring.flyway.enabled} is false when the context starts. */
    @Bean
    FlywayMigrationStrategy migrateUnlessSwitchedOff(Environment environment) {
        return flyway -> {
            if (environment.getProperty("spring.flyway.enabled", Boolean.class, true)) {
                flyway.migrate();
            }
        };
    }
}
