package io.convosowarehouse.job;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

import io.convosowarehouse.exit.ExitCode;

/**
 * How one account's poll cycle ended: the exit code its step records in the job repository and the
 * process exit code it gives, side by side, so that neither is translated from the other anywhere.
 */
public enum CycleOutcome {

    COMPLETED(ExitStatus.COMPLETED.getExitCode(), ExitCode.OK),
    /** Some scopes loaded, others failed: the cycle ends FAILED so that it runs again for the others. */
    PARTIAL("PARTIAL", ExitCode.PARTIAL),
    SOURCE_FAILED("SOURCE_FAILED", ExitCode.SOURCE),
    DATABASE_FAILED("DATABASE_FAILED", ExitCode.DATABASE),
    /** A stop was requested: the scopes not yet polled are left for the cycle's next run. */
    STOPPED(ExitStatus.STOPPED.getExitCode(), ExitCode.STOPPED),
    /** The cycle completed in an earlier run; no job execution was started. */
    ALREADY_DONE(ExitStatus.NOOP.getExitCode(), ExitCode.OK),
    /** Another process runs the cycle, or took it over; this run did nothing more to it. */
    RUNNING_ELSEWHERE(ExitStatus.NOOP.getExitCode(), ExitCode.OK);

    private final String batchExitCode;
    private final ExitCode exitCode;

    CycleOutcome(String batchExitCode, ExitCode exitCode) {
        this.batchExitCode = batchExitCode;
        this.exitCode = exitCode;
    }

    /** The outcome a poll step recorded as its exit status; empty for a status no poll step records (FAILED). */
    static Optional<CycleOutcome> recordedAs(ExitStatus stepExitStatus) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.batchExitCode.equals(stepExitStatus.getExitCode()))
                .findFirst();
    }

    /** The step's exit status for this outcome, described by {@code summary}. */
    ExitStatus exitStatus(String summary) {
        return new ExitStatus(batchExitCode, summary);
    }

    /**
     * Whether a scope of the cycle failed. Such a cycle ends {@link BatchStatus#FAILED}, not COMPLETED, so
     * that Spring Batch lets the same cycle (account and scheduled time) run again for what did not load.
     */
    boolean failsTheCycle() {
        return exitCode == ExitCode.PARTIAL || exitCode == ExitCode.SOURCE || exitCode == ExitCode.DATABASE;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
