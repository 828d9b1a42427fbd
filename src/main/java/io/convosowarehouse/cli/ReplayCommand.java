package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.archive.ArchiveReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", description = {
        "Re-parse and re-load the archived answers received in [--from, --to) (after a parser fix or a schema",
        "change), then rebuild the derived facts. Idempotent: each answer replaces what it gave before."})
class ReplayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--from", required = true, paramLabel = "ISO-8601", description = "First receive time (inclusive).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "ISO-8601", description = "Last receive time (exclusive).")
    Instant to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!from.isBefore(to)) {
            throw new CommandFailure(ExitCode.USAGE, "--from must be before --to");
        }
        try (ConfigurableApplicationContext context = common.startContext()) {
            PrintWriter out = spec.commandLine().getOut();
            ArchiveReplay.Result result = context.getBean(ArchiveReplay.class).replay(from, to, common.account, out);
            out.println("replay: " + result.answers() + " archived answer(s): " + result.loaded() + " loaded, "
                    + result.refused() + " refused, " + result.duplicates() + " duplicate(s)");
            result.rebuilt().forEach(line -> out.println("replay: " + line));
            return ExitCode.OK.code();
        }
    }
}
