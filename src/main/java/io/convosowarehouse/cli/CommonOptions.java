package io.convosowarehouse.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.load.AccountDirectory;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Options every command that touches the warehouse takes. Each command declares its own --account:
 * what leaving it out means differs (every configured account, the one each envelope names, every one in the warehouse).
 */
class CommonOptions {

    @Option(names = "--debug", description = "Log what the job does, request by request (the token stays redacted).")
    boolean debug;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    ConfigurableApplicationContext startContext() {
        return startContext(Map.of());
    }

    ConfigurableApplicationContext startContext(Map<String, Object> overrides) {
        return WarehouseContext.start(debug, overrides, ((WarehouseCommandLine) command.parent().userObject()).stopSignal(),
                Clock.systemUTC());
    }

    /** The configured accounts this run is for: the one named {@code account}, or every one when it is null. */
    List<AccountSettings> selectedAccounts(ConfigurableApplicationContext context, String account) {
        List<AccountSettings> all = context.getBean(ConvosoProperties.class).resolvedAccounts();
        if (account == null) {
            return all;
        }
        List<AccountSettings> selected = all.stream().filter(a -> a.name().equals(account)).toList();
        if (selected.isEmpty()) {
            throw new CommandFailure(ExitCode.USAGE, "no account named '" + account + "' is configured; configured: "
                    + all.stream().map(AccountSettings::name).toList());
        }
        return selected;
    }

    /**
     * The time zone of each account a command over the warehouse works on: the one named, or every one in
     * the warehouse when {@code account} is null; an account it has never loaded is refused.
     */
    Map<String, ZoneId> timeZonesInWarehouse(ConfigurableApplicationContext context, String account) {
        requireAccountInWarehouse(context, account);
        AccountDirectory directory = context.getBean(AccountDirectory.class);
        return account == null ? directory.timeZones() : Map.of(account, directory.timeZoneOf(account).orElseThrow());
    }

    /** Refuses an --account the warehouse has never loaded: the command could only do nothing and call it success. */
    void requireAccountInWarehouse(ConfigurableApplicationContext context, String account) {
        AccountDirectory directory = context.getBean(AccountDirectory.class);
        if (account != null && directory.timeZoneOf(account).isEmpty()) {
            throw new CommandFailure(ExitCode.USAGE, "no account named '" + account + "' in the warehouse; accounts in it: "
                    + directory.names() + "; nothing was done");
        }
    }
}
