package io.convosowarehouse.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.WarehouseApplication;
import io.convosowarehouse.job.StopSignal;

/**
 * The application's Spring context on a test database, for tests that drive hundreds of cycles or
 * answers through the real beans without paying a context start each time.
 */
public final class WarehouseTestContext {

    private WarehouseTestContext() {
    }

    public static ConfigurableApplicationContext start(TestDatabase database, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(database.springProperties());
        properties.putAll(settings);
        return new SpringApplicationBuilder(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("stopSignal", new StopSignal());
                    context.getBeanFactory().registerSingleton("clock", java.time.Clock.systemUTC());
                })
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
