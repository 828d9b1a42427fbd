package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.job.CycleCounts;
import io.convosowarehouse.job.PollRunner;
import io.convosowarehouse.job.PollRunner.AccountResult;
import io.convosowarehouse.job.RunSummaryLog;
import io.convosowarehouse.job.StopSignal;
import io.convosowarehouse.load.PartitionRetention;
import io.convosowarehouse.source.AgentMonitorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "poll", description = {
        "Poll the Agent Monitor API: the account-wide call, then per-campaign and per-queue calls as configured.",
        "Each account's cycle is one Spring Batch job execution, identified by account and scheduled time.",
        "--samples 4 --every 15s takes four samples, 15 s apart, in one run (sub-minute resolution under a",
        "one-minute schedule); the run ends with one summary log line."})
class PollCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this configured account (default: every configured account).")
    String account;

    @Option(names = "--scheduled-at", paramLabel = "ISO-8601",
            description = {"The first cycle's scheduled time (default: now, to the minute); a cycle that completed is not run twice,",
                    "one in which a scope failed runs again for the scopes that did not load."})
    Instant scheduledAt;

    @Option(names = "--samples", defaultValue = "1", description = "Cycles to take in this run (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--every", defaultValue = "15s", description = "Time between the samples' scheduled times (default ${DEFAULT-VALUE}).")
    Duration every;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (samples < 1) {
            throw new CommandFailure(ExitCode.USAGE, "--samples must be at least 1, not " + samples);
        }
        if (every.isNegative() || every.isZero()) {
            throw new CommandFailure(ExitCode.USAGE, "--every must be a positive duration such as 15s, not " + every);
        }
        try (ConfigurableApplicationContext context = common.startContext()) {
            Duration runDeadline = context.getBean(ConvosoProperties.class).runDeadline();
            if (every.multipliedBy(samples - 1L).compareTo(runDeadline) >= 0) {
                throw new CommandFailure(ExitCode.USAGE, samples + " samples " + every + " apart do not fit in the run deadline of "
                        + runDeadline + " (convoso.run-deadline): the run would overlap the next one");
            }
            Clock clock = context.getBean(Clock.class);
            Instant started = clock.instant();
            // to the minute, so a retry of the same scheduled run is the same job instance
            Instant first = scheduledAt != null ? scheduledAt : started.truncatedTo(ChronoUnit.MINUTES);
            Instant deadline = started.plus(runDeadline);
            List<AccountSettings> accounts = common.selectedAccounts(context, account);
            PollRunner runner = context.getBean(PollRunner.class);
            StopSignal stop = context.getBean(StopSignal.class);
            ExitCode exit = null;
            CycleCounts total = CycleCounts.NONE;
            int taken = 0;
            try {
                for (int sample = 0; sample < samples && !stop.requested(); sample++) {
                    Instant due = first.plus(every.multipliedBy(sample));
                    // wait for the sample's time on the real clock, measured from the run's start
                    if (sample > 0 && stop.awaitStop(Duration.between(clock.instant(), started.plus(every.multipliedBy(sample))))) {
                        break;
                    }
                    for (AccountResult result : runner.poll(accounts, due, deadline)) {
                        ExitCode code = report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
                        exit = exit == null ? code : exit.combine(code);
                        total = total.plus(result.counts());
                    }
                    taken++;
                }
                if (stop.requested()) {
                    exit = ExitCode.STOPPED;
                } else {
                    context.getBean(PartitionRetention.class).apply(clock.instant());
                }
                return (exit == null ? ExitCode.OK : exit).code();
            } catch (RuntimeException e) {
                exit = FailureClassifier.classify(e).exitCode();
                throw e;
            } finally {
                // every run ends with its summary, a failed one too
                RunSummaryLog.write(accounts.stream().map(AccountSettings::name).toList(), taken, total,
                        context.getBean(AgentMonitorClient.class).retries(), Duration.between(started, clock.instant()),
                        (exit == null ? ExitCode.OK : exit).code());
            }
        }
    }

    private static ExitCode report(AccountResult result, PrintWriter out, PrintWriter err) {
        ExitCode code = result.outcome().exitCode();
        (code == ExitCode.OK ? out : err).println("poll " + result.account() + ": " + result.summary());
        return code;
    }
}
