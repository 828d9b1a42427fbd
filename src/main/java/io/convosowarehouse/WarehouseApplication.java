package io.convosowarehouse;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Spring context the commands run in; {@link ConvosoWarehouse} is the entry point. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WarehouseApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
