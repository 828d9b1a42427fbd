package io.convosowarehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.cli.WarehouseCommandLine;
import picocli.CommandLine.Command;

/**
 * The lists that both the code and the docs hold stay the same: a command, an exit code or a report
 * added on one side only fails here. No database needed.
 */
class DocsAgreementTest {

    private static final Path README = Path.of("README.md");
    private static final Path OPERATIONS = Path.of("docs/operations.md");
    private static final Path REPORTS = Path.of("sql-reports");

    @Test
    void theReadmeListsEveryCommandOfTheCommandLine() throws IOException {
        List<String> commands = Arrays.stream(WarehouseCommandLine.class.getAnnotation(Command.class).subcommands())
                .map(command -> command.getAnnotation(Command.class).name())
                .toList();

        assertThat(MarkdownTable.under(README, "Commands").names())
                .as("the commands in the README's table")
                .containsExactlyInAnyOrderElementsOf(commands);
    }

    @Test
    void theOperationsGuideListsEveryExitCodeWithTheMeaningHelpGives() throws IOException {
        List<String> codes = Arrays.stream(ExitCode.values())
                .map(exitCode -> exitCode.code() + " " + exitCode.meaning())
                .toList();
        MarkdownTable table = MarkdownTable.under(OPERATIONS, "Exit codes");
        List<String> documented = IntStream.range(0, table.rows().size())
                .mapToObj(row -> table.column(0).get(row) + " " + table.column(1).get(row))
                .toList();

        assertThat(documented)
                .as("the exit codes and their meanings in docs/operations.md")
                .containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void theReadmeListsEveryReportOfSqlReports() throws IOException {
        List<String> reports;
        try (Stream<Path> files = Files.list(REPORTS)) {
            reports = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .map(name -> name.substring(0, name.length() - ".sql".length()))
                    .toList();
        }

        assertThat(MarkdownTable.under(README, "Reports").names())
                .as("the reports in the README's table")
                .containsExactlyInAnyOrderElementsOf(reports);
    }
}
