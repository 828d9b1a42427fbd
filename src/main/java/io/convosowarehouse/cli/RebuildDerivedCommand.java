package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.load.AccountDirectory;
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
    PeriodOptions period;

    @Option(names = "--account", paramLabel = "NAME", description = {"Only this account: a configured one, or any the warehouse "
            + "holds (such as the demo's) with the time zone it was loaded with (default: every configured account)."})
    String accountName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        period.requireBoth();
        period.requireForward();
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = common.startContext()) {
            DerivedFactsRebuild rebuild = context.getBean(DerivedFactsRebuild.class);
            List<AccountSettings> accounts = accounts(context);
            // each account is rebuilt on its own, so a local time means each one's own
            Map<String, ZoneId> zones = new LinkedHashMap<>();
            accounts.forEach(account -> zones.put(account.name(), account.timeZone()));
            accounts.forEach(account -> period.in(account.timeZone())); // refuses a period backwards in any zone before the first
            if (period.isLocal()) {
                period.sayOnStderr(period.meaning(zones));
            }
            for (AccountSettings account : accounts) {
                Period instants = period.in(account.timeZone());
                Summary summary = rebuild.rebuild(account, instants.from(), instants.to());
                out.println("rebuild-derived " + account.name() + " from " + instants.from() + " to " + instants.to() + ": "
                        + summary.replayedInRange() + " snapshot(s) replayed in range, " + summary.replayedAfterRange()
                        + " after it; account now has " + summary.intervals() + " state interval(s) and "
                        + summary.shifts() + " shift(s)");
            }
            return ExitCode.OK.code();
        }
    }

    /**
     * The configured accounts, or the one named: a late answer's warning names this command for the account it was
     * loaded into, which this configuration need not list (the demo's, or one loaded with another configuration).
     */
    private List<AccountSettings> accounts(ConfigurableApplicationContext context) {
        if (accountName == null) {
            return common.selectedAccounts(context, null);
        }
        List<AccountSettings> configured = context.getBean(ConvosoProperties.class).resolvedAccounts();
        AccountDirectory warehouse = context.getBean(AccountDirectory.class);
        return List.of(warehouse.settingsOf(accountName, configured).orElseThrow(() -> new CommandFailure(ExitCode.USAGE,
                "no account named '" + accountName + "' is configured or in the warehouse; configured: "
                        + configured.stream().map(AccountSettings::name).toList() + ", in the warehouse: " + warehouse.names()
                        + "; nothing was done")));
    }
}
