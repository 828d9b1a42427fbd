package io.convosowarehouse.exit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes. A package of their own because a poll cycle's outcome carries one too
 * ({@code job.CycleOutcome}) and the job does not depend on the commands. Each one's meaning is what
 * {@code --help} lists and what the table in docs/operations.md says (DocsAgreementTest keeps the two in
 * step); the docs add examples.
 */
public enum ExitCode {
    /** Rejected records are counted and warned about, not failures. */
    OK(0, "success"),
    /** A bug, damaged data, a broken installation: the message names it, --debug traces it. */
    UNEXPECTED(1, "unexpected failure of no known kind"),
    USAGE(2, "usage or configuration error"),
    /** API unreachable after retries, success:false, a body that is not the expected JSON. */
    SOURCE(3, "source error"),
    /** Unreachable, the login refused, no such database, not migrated, or a write refused. */
    DATABASE(4, "database error"),
    PARTIAL(5, "partial success"),
    /** The snapshot in flight committed or rolled back, the run is recorded as STOPPED. */
    STOPPED(143, "stopped by SIGTERM");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** Every code with its meaning, in order: the exit-code section of {@code --help}. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(exitCode -> list.put(Integer.toString(exitCode.code), exitCode.meaning));
        return list;
    }

    /** The worse of two outcomes of parts of one run: any success beside a failure makes it partial. */
    public ExitCode combine(ExitCode other) {
        if (this == other) {
            return this;
        }
        if (this == STOPPED || other == STOPPED) {
            return STOPPED;
        }
        if (this == OK || other == OK || this == PARTIAL || other == PARTIAL) {
            return PARTIAL;
        }
        return code > other.code ? this : other;
    }
}
