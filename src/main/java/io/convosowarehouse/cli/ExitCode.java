package io.convosowarehouse.cli;

/** The process exit codes, as listed in docs/operations.md (DocsAgreementTest keeps the two in step). */
public enum ExitCode {
    /** Everything asked for was done (rejected records are counted and warned about, not failures). */
    OK(0),
    /** A failure of no known kind (a bug, damaged data, a broken installation): the message names it, --debug traces it. */
    UNEXPECTED(1),
    /** The command line or the configuration is wrong. */
    USAGE(2),
    /** The source failed: API unreachable after retries, success:false, a body that is not the expected JSON. */
    SOURCE(3),
    /** The database failed: unreachable, the login refused, no such database, not migrated, or a write refused. */
    DATABASE(4),
    /** Some scopes or files were loaded and others failed. */
    PARTIAL(5),
    /** Stopped by SIGTERM: the snapshot in flight committed or rolled back, the run is recorded as STOPPED. */
    STOPPED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
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
