package io.convosowarehouse.cli;

import java.time.Instant;

import picocli.CommandLine.Option;

/** The {@code --from} (inclusive) and {@code --to} (exclusive) instants of the commands that work on a range. */
class InstantRangeOptions {

    @Option(names = "--from", required = true, paramLabel = "ISO-8601", description = "Start of the range (inclusive), e.g. 2025-05-28T00:00:00Z.")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "ISO-8601", description = "End of the range (exclusive), e.g. 2025-05-29T00:00:00Z.")
    Instant to;

    /** Refuses an empty or backwards range before anything starts. */
    void requireForward() {
        if (!from.isBefore(to)) {
            throw new CommandFailure(ExitCode.USAGE, "--from " + from + " must be before --to " + to + "; nothing was done");
        }
    }
}
