package io.convosowarehouse.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;

/** Starts one poll job execution per account and says how each went. */
@Component
public class PollRunner {

    private static final Logger log = LoggerFactory.getLogger(PollRunner.class);

    /** How one account's cycle ended. */
    public record AccountResult(String account, Outcome outcome, String summary, CycleCounts counts) {
    }

    public enum Outcome {
        COMPLETED, PARTIAL, SOURCE_FAILED, DATABASE_FAILED, ALREADY_DONE, RUNNING_ELSEWHERE, STOPPED
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job pollJob;
    private final ConvosoProperties properties;
    private final Clock clock;
    private final StopSignal stopSignal;

    public PollRunner(JobOperator jobOperator, JobRepository jobRepository, Job pollJob, ConvosoProperties properties,
            Clock clock, StopSignal stopSignal) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.pollJob = pollJob;
        this.properties = properties;
        this.clock = clock;
        this.stopSignal = stopSignal;
    }

    /** One cycle per account, all of it (retries included) over by the run deadline from now. */
    public List<AccountResult> poll(List<AccountSettings> accounts, Instant scheduledAt) {
        return poll(accounts, scheduledAt, clock.instant().plus(properties.runDeadline()));
    }

    /** One cycle per account, over by {@code deadline}: a run of several samples shares one. */
    public List<AccountResult> poll(List<AccountSettings> accounts, Instant scheduledAt, Instant deadline) {
        properties.requireTokens(accounts); // every account's, before the first call of any
        List<AccountResult> results = new ArrayList<>();
        for (AccountSettings account : accounts) {
            if (stopSignal.requested()) {
                results.add(new AccountResult(account.name(), Outcome.STOPPED, "not started: stop requested", CycleCounts.NONE));
            } else {
                results.add(pollOne(account, scheduledAt, deadline));
            }
        }
        return results;
    }

    private AccountResult pollOne(AccountSettings account, Instant scheduledAt, Instant deadline) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(PollJobConfiguration.ACCOUNT, account.name())
                .addString(PollJobConfiguration.SCHEDULED_AT, scheduledAt.toString())
                .addString(PollJobConfiguration.DEADLINE, deadline.toString(), false)
                .toJobParameters();
        try {
            return resultOf(account, start(parameters));
        } catch (JobInstanceAlreadyCompleteException e) {
            return new AccountResult(account.name(), Outcome.ALREADY_DONE,
                    "the cycle scheduled at " + scheduledAt + " already completed; nothing to do", CycleCounts.NONE);
        } catch (JobExecutionAlreadyRunningException e) {
            return new AccountResult(account.name(), Outcome.RUNNING_ELSEWHERE,
                    "the cycle scheduled at " + scheduledAt + " is running in another process, which owns it", CycleCounts.NONE);
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot start the poll job: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the cycle. An execution of the same cycle left STARTED by a process that died (kill -9,
     * OOM, a node lost) would block its restart forever; one whose last update is older than a whole
     * run's deadline cannot still be running, so it is marked FAILED first.
     */
    private JobExecution start(JobParameters parameters) throws JobInstanceAlreadyCompleteException,
            JobExecutionAlreadyRunningException, JobRestartException, InvalidJobParametersException {
        JobExecution last = jobRepository.getLastJobExecution(PollJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.isRunning() && isAbandoned(last)) {
            log.warn("cycle {} of {} was left {} by a process that stopped at {}; marking it FAILED and restarting",
                    parameters.getString(PollJobConfiguration.SCHEDULED_AT), parameters.getString(PollJobConfiguration.ACCOUNT),
                    last.getStatus(), last.getLastUpdated());
            for (StepExecution step : last.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("process died"));
                    step.setEndTime(java.time.LocalDateTime.now());
                    jobRepository.update(step);
                }
            }
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(ExitStatus.FAILED.addExitDescription("process died"));
            last.setEndTime(java.time.LocalDateTime.now());
            jobRepository.update(last);
        }
        return jobOperator.start(pollJob, parameters);
    }

    private boolean isAbandoned(JobExecution execution) {
        java.time.LocalDateTime lastSign = execution.getLastUpdated() != null ? execution.getLastUpdated()
                : execution.getCreateTime();
        return lastSign == null || lastSign.isBefore(java.time.LocalDateTime.now().minus(properties.runDeadline()));
    }

    private static AccountResult resultOf(AccountSettings account, JobExecution execution) {
        CycleCounts counts = CycleReport.readFrom(execution.getExecutionContext());
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new AccountResult(account.name(), Outcome.STOPPED, exitDescription(execution), counts);
        }
        String exitCode = execution.getStepExecutions().stream().findFirst()
                .map(step -> step.getExitStatus().getExitCode()).orElse("");
        // a cycle in which a scope failed ends FAILED, so that it may be run again; its exit code says how
        if (execution.getStatus() != BatchStatus.COMPLETED && !PollJobConfiguration.FAILURES.contains(exitCode)) {
            Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            if (isDatabaseFailure(failure)) {
                // the other accounts of the run still get their cycle
                return new AccountResult(account.name(), Outcome.DATABASE_FAILED, "database error: "
                        + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure).getMessage(), counts);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime; // a defect: classified into an exit code by the command line
            }
            return new AccountResult(account.name(), Outcome.DATABASE_FAILED,
                    "the poll job ended " + execution.getStatus() + (failure == null ? "" : ": " + failure.getMessage()), counts);
        }
        Outcome outcome = switch (exitCode) {
            case PollJobConfiguration.PARTIAL -> Outcome.PARTIAL;
            case PollJobConfiguration.SOURCE_FAILED -> Outcome.SOURCE_FAILED;
            case PollJobConfiguration.DATABASE_FAILED -> Outcome.DATABASE_FAILED;
            default -> Outcome.COMPLETED;
        };
        return new AccountResult(account.name(), outcome, exitDescription(execution), counts);
    }

    private static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessException || t instanceof org.jooq.exception.DataAccessException
                    || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String exitDescription(JobExecution execution) {
        return execution.getStepExecutions().iterator().next().getExitStatus().getExitDescription();
    }
}
