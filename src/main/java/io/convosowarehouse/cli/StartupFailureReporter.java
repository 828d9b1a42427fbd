package io.convosowarehouse.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Takes a context that fails to start off Spring Boot's hands: Boot would log it on stdout, trace and
 * all ("Application run failed", or its failure analysis), even before the logging configuration is
 * read. The command line reports that failure itself, from the exception SpringApplication.run
 * throws: one line on stderr and an exit code, the trace with --debug. Registered in
 * META-INF/spring.factories ahead of Boot's own reporter, which then never runs.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return true;
    }
}
