package io.convosowarehouse.cli;

import io.convosowarehouse.exit.ExitCode;

/** A failure the command line reports as one line and an exit code, without a stack trace. */
public class CommandFailure extends RuntimeException {

    private final ExitCode exitCode;

    public CommandFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
