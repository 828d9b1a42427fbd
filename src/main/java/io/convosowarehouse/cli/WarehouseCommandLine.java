package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.boot.convert.DurationStyle;

import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.job.StopSignal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: parses the command and its options before any Spring context starts, runs it,
 * and turns every failure into one line on stderr and a documented exit code.
 */
@Command(name = "convoso-warehouse", mixinStandardHelpOptions = true, version = "convoso-warehouse 0.1.0",
        description = "Keeps the history of a Convoso contact center in PostgreSQL.",
        subcommands = {MigrateCommand.class, PollCommand.class, IngestCommand.class, ReportCommand.class,
                RebuildDerivedCommand.class, ReplayCommand.class, ExportRawCommand.class, SimulateCommand.class, DemoCommand.class})
public final class WarehouseCommandLine implements Runnable {

    private static final String PROGRAM = "convoso-warehouse";

    @Spec
    CommandSpec spec;

    private final StopSignal stopSignal;

    private WarehouseCommandLine(StopSignal stopSignal) {
        this.stopSignal = stopSignal;
    }

    /** Raised by SIGTERM; commands stop starting new work when it is. */
    StopSignal stopSignal() {
        return stopSignal;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static int execute(StopSignal stopSignal, String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), stopSignal, args);
    }

    public static int execute(PrintWriter out, PrintWriter err, StopSignal stopSignal, String... args) {
        CommandLine commandLine = new CommandLine(new WarehouseCommandLine(stopSignal))
                .setOut(out)
                .setErr(err)
                .registerConverter(Instant.class, WarehouseCommandLine::instant)
                .registerConverter(Duration.class, WarehouseCommandLine::duration)
                .registerConverter(PeriodBound.class, PeriodBound::parse)
                .setExitCodeExceptionMapper(failure -> ExitCode.USAGE.code())
                .setParameterExceptionHandler((e, a) -> {
                    // the command the error is in ("convoso-warehouse poll"), whose own help explains its options
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    // picocli 4.7 words a value that is not KEY=VALUE "Value for option option '--param' ..."
                    err.println(command + ": " + e.getMessage().replace("option option '", "option '") + " (see '" + command + " --help')");
                    return ExitCode.USAGE.code();
                })
                .setExecutionExceptionHandler(reportFailure(err));
        // every command answers --help and --version, as the README says, and its help lists the exit codes
        String[] version = commandLine.getCommandSpec().version();
        commandLine.getSubcommands().values().forEach(command -> command.getCommandSpec().mixinStandardHelpOptions(true).version(version));
        listExitCodes(commandLine);
        commandLine.getSubcommands().values().forEach(WarehouseCommandLine::listExitCodes);
        return commandLine.execute(args);
    }

    private static void listExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
    }

    private static IExecutionExceptionHandler reportFailure(PrintWriter err) {
        return (failure, commandLine, parseResult) -> {
            FailureClassifier.Classified classified = FailureClassifier.classify(failure);
            err.println(PROGRAM + " " + commandLine.getCommandName() + ": " + classified.message());
            if (parseResult.hasMatchedOption("--debug") || parseResult.subcommand() != null
                    && parseResult.subcommand().hasMatchedOption("--debug")) {
                failure.printStackTrace(err);
            }
            return classified.exitCode().code();
        };
    }

    private static Duration duration(String text) {
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 15s, 2m or PT15S");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 instant such as 2025-05-28T21:43:00Z");
        }
    }
}
