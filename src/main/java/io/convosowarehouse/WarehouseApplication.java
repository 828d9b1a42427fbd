package io.convosowarehouse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring context the commands run in; {@link ConvosoWarehouse} is the entry point. Whoever starts it registers
 * the stop signal and the clock (the system's, or the demo's simulated one).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WarehouseApplication {
}
