package io.convosowarehouse.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;

/** Starts one poll job execution per account and says how each went. */
@Component
public class PollRunner {

    /** How one account's cycle ended. */
    public record AccountResult(String account, Outcome outcome, String summary) {
    }

    public enum Outcome {
        COMPLETED, PARTIAL, SOURCE_FAILED, DATABASE_FAILED, ALREADY_DONE
    }

    private final JobOperator jobOperator;
    private final Job pollJob;
    private final ConvosoProperties properties;
    private final Clock clock;

    public PollRunner(JobOperator jobOperator, Job pollJob, ConvosoProperties properties, Clock clock) {
        this.jobOperator = jobOperator;
        this.pollJob = pollJob;
        this.properties = properties;
        this.clock = clock;
    }

    public List<AccountResult> poll(List<AccountSettings> accounts, Instant scheduledAt) {
        Instant deadline = clock.instant().plus(properties.runDeadline());
        return accounts.stream().map(account -> pollOne(account, scheduledAt, deadline)).toList();
    }

    private AccountResult pollOne(AccountSettings account, Instant scheduledAt, Instant deadline) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(PollJobConfiguration.ACCOUNT, account.name())
                .addString(PollJobConfiguration.SCHEDULED_AT, scheduledAt.toString())
                .addString(PollJobConfiguration.DEADLINE, deadline.toString(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(pollJob, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new AccountResult(account.name(), Outcome.ALREADY_DONE,
                    "the cycle scheduled at " + scheduledAt + " already completed; nothing to do");
        } catch (JobExecutionAlreadyRunningException e) {
            return new AccountResult(account.name(), Outcome.SOURCE_FAILED,
                    "the cycle scheduled at " + scheduledAt + " is already running in another process");
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot start the poll job: " + e.getMessage(), e);
        }
        return resultOf(account, execution);
    }

    private static AccountResult resultOf(AccountSettings account, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            if (failure instanceof RuntimeException runtime) {
                throw runtime; // classified into an exit code by the command line
            }
            return new AccountResult(account.name(), Outcome.DATABASE_FAILED,
                    "the poll job ended " + execution.getStatus() + (failure == null ? "" : ": " + failure.getMessage()));
        }
        StepExecution step = execution.getStepExecutions().iterator().next();
        String exitCode = step.getExitStatus().getExitCode();
        Outcome outcome = switch (exitCode) {
            case PollJobConfiguration.PARTIAL -> Outcome.PARTIAL;
            case PollJobConfiguration.SOURCE_FAILED -> Outcome.SOURCE_FAILED;
            case PollJobConfiguration.DATABASE_FAILED -> Outcome.DATABASE_FAILED;
            default -> Outcome.COMPLETED;
        };
        return new AccountResult(account.name(), outcome, step.getExitStatus().getExitDescription());
    }
}
