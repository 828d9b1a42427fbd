package io.convosowarehouse.cli;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import io.convosowarehouse.WarehouseApplication;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.config.DeriveProperties;
import io.convosowarehouse.config.RetentionProperties;
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
                // with Spring AOT, the generated initializer is looked up by the main class's name
                .main(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the command closes the context itself, after the work in flight on SIGTERM
                .registerShutdownHook(false)
                .initializers(context -> {
                    checkSettings(context.getEnvironment());
                    context.getBeanFactory().registerSingleton("stopSignal", stopSignal);
                    context.getBeanFactory().registerSingleton("clock", clock);
                })
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * Binds the settings records once before the context starts, so that a value their constructors refuse fails
     * the command before it does anything: the context would bind them only after applying the migrations.
     */
    private static void checkSettings(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        binder.bindOrCreate("convoso", ConvosoProperties.class);
        binder.bindOrCreate("convoso.retention", RetentionProperties.class);
        binder.bindOrCreate("convoso.derive", DeriveProperties.class);
    }
}
