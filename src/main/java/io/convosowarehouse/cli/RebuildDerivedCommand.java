package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.pipeline.DerivedFactsRebuild;
import io.convosowarehouse.pipeline.DerivedFactsRebuild.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rebuild-derived", description = {
        "Recompute warehouse.agent_state_interval and warehouse.agent_shift from the stored account-wide snapshots.",
        "Rewinds to the state at --from and replays every snapshot from there on with the code the loads use,",
        "past --to as well: the rows after --to depend on the state at --to. Running it twice changes nothing.",
        "It commits as it goes: if it fails midway, run it again.",
        "Use it after ingesting answers older than what was already derived (those are skipped at load)."})
class RebuildDerivedCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InstantRangeOptions range;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this configured account (default: every configured account).")
    String accountName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        range.requireForward();
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = common.startContext()) {
            DerivedFactsRebuild rebuild = context.getBean(DerivedFactsRebuild.class);
            for (AccountSettings account : common.selectedAccounts(context, accountName)) {
                Summary summary = rebuild.rebuild(account, range.from, range.to);
                out.println("rebuild-derived " + account.name() + " from " + range.from + " to " + range.to + ": "
                        + summary.replayedInRange() + " snapshot(s) replayed in range, " + summary.replayedAfterRange()
                        + " after it; account now has " + summary.intervals() + " state interval(s) and "
                        + summary.shifts() + " shift(s)");
            }
            return ExitCode.OK.code();
        }
    }
}
