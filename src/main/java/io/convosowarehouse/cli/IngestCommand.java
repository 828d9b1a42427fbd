package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.pipeline.FileIngest;
import io.convosowarehouse.pipeline.FileIngest.FileResult;
import io.convosowarehouse.source.SavedAnswerReader;
import io.convosowarehouse.source.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", description = {
        "Load saved answers through the same parse and load code as poll.",
        "A .json file holds one answer body; a .ndjson or .ndjson.gz file holds one envelope per line:",
        "  {\"received_at\": \"2025-05-28T21:43:55Z\", \"account\": \"east\", \"scope\": \"account\", \"body\": {...}}",
        "An envelope that names an account is loaded into the configured account of that name (with --account,",
        "only that account's answers are loaded); anything else goes to the one account configured or chosen.",
        "Loading the same answer again adds nothing."})
class IngestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--account", paramLabel = "NAME", description = "Load only this configured account's answers (default: "
            + "each envelope into the account it names; a .json file names none, so it needs this when several are configured).")
    String account;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "account",
            description = "Scope of .json answers: account, campaign:ID, queue:ID, user:ID or skill:NAMES (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--received-at", paramLabel = "ISO-8601",
            description = "Receive time of .json answers (default: the file's modification time).")
    Instant receivedAt;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Answer files (.json, .ndjson, .ndjson.gz).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scope answerScope = parseScope();
        List<Path> notFiles = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!notFiles.isEmpty()) {
            Path first = notFiles.get(0);
            throw new CommandFailure(ExitCode.USAGE, (Files.isDirectory(first) ? first + " is a directory, not an answer file"
                    : "no such file: " + first) + (notFiles.size() > 1 ? " (and " + (notFiles.size() - 1) + " more)" : "")
                    + "; nothing was loaded");
        }
        try (ConfigurableApplicationContext context = common.startContext()) {
            List<AccountSettings> accounts = common.selectedAccounts(context, account);
            if (accounts.size() > 1 && files.stream().anyMatch(file -> !SavedAnswerReader.holdsEnvelopes(file))) {
                throw new CommandFailure(ExitCode.USAGE, "several accounts are configured: say which one the .json files belong to with --account");
            }
            FileIngest.AccountChoice choice = new FileIngest.AccountChoice(accounts, account != null);
            FileIngest ingest = context.getBean(FileIngest.class);
            ExitCode exit = null;
            for (Path file : files) {
                FileResult result = ingest.ingest(choice, file, answerScope, receivedAt);
                ExitCode code = report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
                exit = exit == null ? code : exit.combine(code);
            }
            return exit.code();
        }
    }

    private Scope parseScope() {
        try {
            return Scope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--scope: " + e.getMessage());
        }
    }

    private static ExitCode report(FileResult result, PrintWriter out, PrintWriter err) {
        out.println("ingest " + result.file() + ": " + result.loaded() + " snapshot(s) loaded, " + result.duplicates()
                + " already loaded, " + result.agents() + " agent rows, " + result.rejected() + " rejected record(s)"
                + (result.failures().isEmpty() ? "" : ", " + result.failures().size() + " answer(s) failed")
                + (result.otherAccounts() == 0 ? "" : ", " + result.otherAccounts() + " answer(s) of other accounts skipped"));
        result.failures().forEach(failure -> err.println("  " + failure));
        result.unconfigured().forEach((account, answers) -> err.println("  " + answers + " answer(s) of account '" + account
                + "' not loaded: no account of that name is configured (configure it to load them)"));
        if (result.rejected() > 0) {
            err.println("  warning: " + result.rejected() + " record(s) rejected; see ingest.rejected_record");
        }
        if (result.complete()) {
            return ExitCode.OK;
        }
        if (!result.failed()) {
            return ExitCode.PARTIAL;
        }
        if (result.databaseFailed()) {
            return ExitCode.DATABASE;
        }
        // a file that cannot be read, or that holds only answers of accounts not configured, is the caller's to fix
        return result.unreadable() || result.failures().isEmpty() ? ExitCode.USAGE : ExitCode.SOURCE;
    }
}
