package io.convosowarehouse.cli;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.WarehouseApplication;
import io.convosowarehouse.job.StopSignal;

/**
 * Starts the Spring context a command runs in, with the command's overrides on top of every other
 * property source (they are passed the way Spring Boot reads command-line properties).
 */
final class WarehouseContext {

    private WarehouseContext() {
    }

    /** @param clock the job's time: the system clock, or the demo's simulated one */
    static ConfigurableApplicationContext start(boolean debug, Map<String, Object> overrides, StopSignal stopSignal,
            Clock clock) {
        Map<String, Object> properties = new HashMap<>(overrides);
        if (debug) {
            properties.put("logging.level.io.convosowarehouse", "DEBUG");
        }
        return new SpringApplicationBuilder(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the command closes the context itself, after the work in flight on SIGTERM
                .registerShutdownHook(false)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("stopSignal", stopSignal);
                    context.getBeanFactory().registerSingleton("clock", clock);
                })
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
