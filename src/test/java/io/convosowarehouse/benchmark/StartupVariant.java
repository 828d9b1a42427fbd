package io.convosowarehouse.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * One way of starting the {@code poll} process: which code (the current tree's or the baseline's), the command
 * up to and including the jar, the directory it runs in, and whether Flyway validates on start.
 */
record StartupVariant(String name, Code code, List<String> command, Path directory, boolean flyway) {

    /** Whose jar the variant runs; each has a database of its own, migrated by that jar. */
    enum Code {
        CURRENT("current"), BASELINE("baseline");

        private final String label;

        Code(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    String label() {
        return code.label() + ": " + name;
    }
}
