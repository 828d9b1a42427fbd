package io.convosowarehouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.archive.RawArchiveExport;
import io.convosowarehouse.exit.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export-raw", description = {
        "Write the archived answers received in [--from, --to) as ingest envelopes (.ndjson, or .ndjson.gz).",
        "Archive -> file -> another database round-trips exactly."})
class ExportRawCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    PeriodOptions period;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account's answers (default: every account in the warehouse).")
    String account;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write, e.g. archive.ndjson.gz.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        period.requireBoth();
        period.requireForward();
        // the export is written beside the file and moved over it when complete (see RawArchiveExport)
        Path directory = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out) || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new CommandFailure(ExitCode.USAGE, "cannot use the file " + out + ": " + (Files.isDirectory(out)
                    ? "it is a directory" : directory + " is not a writable directory") + "; nothing was exported");
        }
        try (ConfigurableApplicationContext context = common.startContext()) {
            Period instants = period.forAccountsAtOnce(common.timeZonesInWarehouse(context, account));
            int written = context.getBean(RawArchiveExport.class).export(instants.from(), instants.to(), account, out);
            spec.commandLine().getOut().println("export-raw: " + written + " answer(s) written to " + out);
            return ExitCode.OK.code();
        }
    }
}
