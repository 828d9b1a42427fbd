package io.convosowarehouse.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.convosowarehouse.exit.ExitCode;

@Command(name = "migrate", description = "Apply the database migrations (db/migration) and exit.")
class MigrateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Flyway's Spring Boot integration migrates while the context starts
        try (ConfigurableApplicationContext context = common.startContext(Map.of("spring.flyway.enabled", "true"))) {
            MigrationInfo current = context.getBean(Flyway.class).info().current();
            spec.commandLine().getOut().println("schema is at version " + (current == null ? "none" : current.getVersion()));
            return ExitCode.OK.code();
        }
    }
}
