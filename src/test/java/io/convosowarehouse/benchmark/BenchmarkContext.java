package io.convosowarehouse.benchmark;

import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.convosowarehouse.job.StopSignal;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.WarehouseApplication;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The production Spring context (as the commands start it) on the benchmark's database, plus one
 * jOOQ listener that times statements. The listener is registered as a singleton rather than
 * through an annotated class, so component scanning never carries it into other tests' contexts.
 */
final class BenchmarkContext {

    private BenchmarkContext() {
    }

    static ConfigurableApplicationContext start(TestDatabase database, StatementTimings timings) {
        String[] arguments = database.springProperties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(WarehouseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("benchmarkStatementTimings", new DefaultExecuteListenerProvider(timings));
                    context.getBeanFactory().registerSingleton("stopSignal", new StopSignal());
                    context.getBeanFactory().registerSingleton("clock", java.time.Clock.systemUTC());
                })
                .run(concat(arguments, "--spring.flyway.enabled=false"));
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }
}
