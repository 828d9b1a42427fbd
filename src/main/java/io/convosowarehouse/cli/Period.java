package io.convosowarehouse.cli;

import java.time.Instant;

/** The instants a command works on: from (inclusive) to (exclusive). */
record Period(Instant from, Instant to) {

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
