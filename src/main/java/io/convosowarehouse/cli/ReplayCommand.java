package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.archive.ArchiveReplay;
import io.convosowarehouse.exit.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", description = {
        "Re-parse and re-load the archived answers received in [--from, --to) with today's parser, then rebuild the derived facts.",
        "For use after a parser fix or a schema change. Idempotent: each answer replaces what it gave before."})
class ReplayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    PeriodOptions period;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account's answers (default: every account in the warehouse).")
    String account;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        period.requireBoth();
        period.requireForward();
        try (ConfigurableApplicationContext context = common.startContext()) {
            Period instants = period.forAccountsAtOnce(common.timeZonesInWarehouse(context, account));
            PrintWriter out = spec.commandLine().getOut();
            ArchiveReplay.Result result = context.getBean(ArchiveReplay.class).replay(instants.from(), instants.to(), account, out);
            out.println("replay: " + result.answers() + " archived answer(s): " + result.loaded() + " loaded, "
                    + result.refused() + " refused, " + result.duplicates() + " duplicate(s)");
            result.rebuilt().forEach(line -> out.println("replay: " + line));
            return ExitCode.OK.code();
        }
    }
}
