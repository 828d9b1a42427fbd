package io.convosowarehouse.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convosowarehouse.testsupport.JooqCodeGeneration;

/**
 * The jOOQ code in src/main/generated must be what the current migrations generate.
 * Regenerate it with: {@code ./mvnw test -Dtest=GeneratedCodeIsCurrentTest -Djooq.regenerate=true}
 */
class GeneratedCodeIsCurrentTest {

    @Test
    void committedCodeMatchesTheMigrations(@TempDir Path fresh) throws Exception {
        if (Boolean.getBoolean("jooq.regenerate")) {
            JooqCodeGeneration.generate(JooqCodeGeneration.COMMITTED_DIRECTORY);
        }
        JooqCodeGeneration.generate(fresh);

        assertThat(filesUnder(JooqCodeGeneration.COMMITTED_DIRECTORY))
                .as("src/main/generated is stale: run ./mvnw test -Dtest=GeneratedCodeIsCurrentTest -Djooq.regenerate=true")
                .isEqualTo(filesUnder(fresh));
    }

    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return contents;
    }
}
