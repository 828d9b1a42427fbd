package io.convosowarehouse.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.WarehouseApplication;

/** Starts the Spring context a command runs in, with the command line's overrides on top. */
final class WarehouseContext {

    private WarehouseContext() {
    }

    static ConfigurableApplicationContext start(boolean debug, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        if (debug) {
            properties.put("logging.level.io.convosowarehouse", "DEBUG");
        }
        return new SpringApplicationBuilder(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }
}
