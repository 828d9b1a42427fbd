package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.job.PollRunner;
import io.convosowarehouse.job.PollRunner.AccountResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "poll", description = {
        "Poll the Agent Monitor API once: the account-wide call, then per-campaign and per-queue calls as configured.",
        "Each account's cycle is one Spring Batch job execution, identified by account and scheduled time."})
class PollCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--scheduled-at", paramLabel = "ISO-8601",
            description = "The cycle's scheduled time (default: now, to the minute); a cycle that completed is not run twice.")
    Instant scheduledAt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = common.startContext()) {
            Instant cycle = scheduledAt != null ? scheduledAt
                    : context.getBean(Clock.class).instant().truncatedTo(ChronoUnit.MINUTES);
            List<AccountResult> results = context.getBean(PollRunner.class).poll(common.selectedAccounts(context), cycle);
            return report(results, spec.commandLine().getOut(), spec.commandLine().getErr()).code();
        }
    }

    private static ExitCode report(List<AccountResult> results, PrintWriter out, PrintWriter err) {
        ExitCode exit = null;
        for (AccountResult result : results) {
            ExitCode code = switch (result.outcome()) {
                case COMPLETED, ALREADY_DONE -> ExitCode.OK;
                case PARTIAL -> ExitCode.PARTIAL;
                case SOURCE_FAILED -> ExitCode.SOURCE;
                case DATABASE_FAILED -> ExitCode.DATABASE;
            };
            (code == ExitCode.OK ? out : err).println("poll " + result.account() + ": " + result.summary());
            exit = exit == null ? code : exit.combine(code);
        }
        return exit == null ? ExitCode.OK : exit;
    }
}
