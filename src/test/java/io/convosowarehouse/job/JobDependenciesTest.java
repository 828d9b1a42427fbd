package io.convosowarehouse.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The poll job is used by the command line, never the other way round: it takes its exit codes from exit/. */
class JobDependenciesTest {

    @Test
    void theJobImportsNothingFromTheCommandLine() throws IOException {
        List<String> importsOfCli;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/convosowarehouse/job"))) {
            importsOfCli = sources.filter(source -> source.toString().endsWith(".java"))
                    .flatMap(JobDependenciesTest::imports)
                    .filter(line -> line.contains(" io.convosowarehouse.cli."))
                    .toList();
        }
        assertThat(importsOfCli).isEmpty();
    }

    /** The file's import lines, each prefixed with the file's name for the failure message. */
    private static Stream<String> imports(Path source) {
        try {
            return Files.readAllLines(source).stream().filter(line -> line.startsWith("import "))
                    .map(line -> source.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }
}
