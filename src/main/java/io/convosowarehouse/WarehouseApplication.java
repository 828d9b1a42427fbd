package io.convosowarehouse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The Spring context the commands run in; {@link ConvosoWarehouse} is the entry point. Whoever starts it registers
 * the stop signal and the clock (the system's, or the demo's simulated one).
 * <p>
 * Every run of the job starts this context, so it holds only what the job uses: the auto-configurations are
 * named rather than discovered (no task executor or scheduler, no AOP or JDBC templates, none of the conditions
 * of the other hundred-odd candidates), and only the packages that hold components are scanned (not the
 * generated jOOQ code, the simulator or the command line).
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
}
