package io.convosowarehouse.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;

/** Starts one poll job execution per account and says how each went. */
@Component
public class PollRunner {

    private static final Logger log = LoggerFactory.getLogger(PollRunner.class);

    /** How one account's cycle ended. */
    public record AccountResult(String account, CycleOutcome outcome, String summary, CycleCounts counts) {
    }

    /**
     * How long past its run deadline an execution whose database session is still open is taken for
     * abandoned: a process on a node that was lost can leave its session open for hours, until
     * PostgreSQL's TCP keepalive ends it, and a live process is done with its cycle by then.
     */
    static final Duration ABANDONED_AFTER_DEADLINE = Duration.ofMinutes(1);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job pollJob;
    private final ConvosoProperties properties;
    private final Clock clock;
    private final StopSignal stopSignal;
    private final CycleOwnership ownership;

    PollRunner(JobOperator jobOperator, JobRepository jobRepository, Job pollJob, ConvosoProperties properties,
            Clock clock, StopSignal stopSignal, CycleOwnership ownership) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.pollJob = pollJob;
        this.properties = properties;
        this.clock = clock;
        this.stopSignal = stopSignal;
        this.ownership = ownership;
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
                results.add(new AccountResult(account.name(), CycleOutcome.STOPPED, "not started: stop requested", CycleCounts.NONE));
            } else {
                results.add(pollOne(account, scheduledAt, deadline));
            }
        }
        return results;
    }

    /**
     * Runs the cycle, holding a {@link CycleOwnership.Claim} on it meanwhile. An execution of the same
     * cycle that is still {@code STARTED} was either left so by a process that died (kill -9, OOM, a
     * node lost) or is running in another process: it is taken over, marked {@code FAILED} with
     * Spring Batch's {@link JobOperator#recover}, once its process is known to be gone; otherwise the
     * other process keeps it.
     */
    private AccountResult pollOne(AccountSettings account, Instant scheduledAt, Instant deadline) {
        String cycle = "the cycle scheduled at " + scheduledAt;
        try (CycleOwnership.Claim claim = ownership.claim()) {
            JobParameters parameters = new JobParametersBuilder()
                    .addString(PollJobConfiguration.ACCOUNT, account.name())
                    .addString(PollJobConfiguration.SCHEDULED_AT, scheduledAt.toString())
                    .addString(PollJobConfiguration.DEADLINE, deadline.toString(), false)
                    .addString(PollJobConfiguration.OWNER, claim.owner(), false)
                    .toJobParameters();
            JobExecution last = jobRepository.getLastJobExecution(PollJobConfiguration.JOB_NAME, parameters);
            if (last != null && last.isRunning()) {
                Optional<String> gone = whyGone(last);
                if (gone.isEmpty()) {
                    return new AccountResult(account.name(), CycleOutcome.RUNNING_ELSEWHERE, cycle + " is running in another process "
                            + "(" + describe(last) + "), which owns it; nothing done. It is taken over when that process's "
                            + "database session ends, or from " + takeOverAt(last) + " on", CycleCounts.NONE);
                }
                log.warn("{} of {}: job execution {} was left {} and its process is gone ({}); marking it FAILED and "
                        + "running the cycle again for the scopes it did not load", cycle, account.name(), last.getId(),
                        last.getStatus(), gone.get());
                try {
                    recover(last, gone.get());
                } catch (OptimisticLockingFailureException e) {
                    return new AccountResult(account.name(), CycleOutcome.RUNNING_ELSEWHERE, cycle + ": another process updated "
                            + "its job execution " + last.getId() + " as this run was taking it over, and owns it; nothing done",
                            CycleCounts.NONE);
                }
            }
            JobExecution execution = jobOperator.start(pollJob, parameters);
            return wasTakenOver(execution) ? takenOver(account, cycle) : resultOf(account, execution);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new AccountResult(account.name(), CycleOutcome.ALREADY_DONE, cycle + " already completed; nothing to do",
                    CycleCounts.NONE);
        } catch (JobExecutionAlreadyRunningException e) {
            return new AccountResult(account.name(), CycleOutcome.RUNNING_ELSEWHERE,
                    cycle + " was started by another process at the same moment, which owns it; nothing done", CycleCounts.NONE);
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot start the poll job: " + e.getMessage(), e);
        }
    }

    /**
     * Whether another run took the cycle over while this one ran it (see {@link CycleOwnership}): its
     * job repository records then changed under this run, which Spring Batch reports as a failure to
     * save them.
     */
    private static boolean wasTakenOver(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockingFailureException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AccountResult takenOver(AccountSettings account, String cycle) {
        return new AccountResult(account.name(), CycleOutcome.RUNNING_ELSEWHERE, cycle + " was taken over by another run, "
                + "which owns it now; the scopes this run stored are on record as loaded", CycleCounts.NONE);
    }

    /** Why the process that runs {@code execution} cannot be running it any more, if it cannot. */
    private Optional<String> whyGone(JobExecution execution) {
        String owner = execution.getJobParameters().getString(PollJobConfiguration.OWNER);
        if (owner != null && ownership.hasEnded(owner)) {
            return Optional.of("its database session, pid " + CycleOwnership.pidOf(owner) + ", has ended");
        }
        if (!clock.instant().isBefore(takeOverAt(execution))) {
            return Optional.of("its run deadline passed over " + ABANDONED_AFTER_DEADLINE.toSeconds() + " s ago");
        }
        return Optional.empty();
    }

    /** When {@code execution}, if still running, is taken for abandoned whatever its session shows. */
    private Instant takeOverAt(JobExecution execution) {
        String deadline = execution.getJobParameters().getString(PollJobConfiguration.DEADLINE);
        if (deadline != null) {
            return Instant.parse(deadline).plus(ABANDONED_AFTER_DEADLINE);
        }
        LocalDateTime lastSign = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
        return lastSign == null ? Instant.MIN
                : lastSign.atZone(java.time.ZoneId.systemDefault()).toInstant().plus(properties.runDeadline());
    }

    private static String describe(JobExecution execution) {
        String owner = execution.getJobParameters().getString(PollJobConfiguration.OWNER);
        return "job execution " + execution.getId() + ", started " + execution.getStartTime()
                + (owner == null ? "" : ", database session pid " + CycleOwnership.pidOf(owner) + " still open");
    }

    /**
     * Marks an abandoned execution and its running step {@code FAILED}, as Spring Batch's
     * {@link JobOperator#recover} does, saying why in their exit descriptions. The step's execution
     * context, which says what the cycle loaded, is left as it is: the next execution starts from it.
     */
    private void recover(JobExecution execution, String why) {
        ExitStatus abandoned = ExitStatus.FAILED.addExitDescription("abandoned: its process is gone (" + why + ")");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setExitStatus(abandoned);
            }
        }
        execution.setExitStatus(abandoned);
        jobOperator.recover(execution);
    }

    private static AccountResult resultOf(AccountSettings account, JobExecution execution) {
        CycleCounts counts = CycleReport.readFrom(execution.getExecutionContext());
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new AccountResult(account.name(), CycleOutcome.STOPPED, exitDescription(execution), counts);
        }
        Optional<CycleOutcome> recorded = execution.getStepExecutions().stream().findFirst()
                .flatMap(step -> CycleOutcome.recordedAs(step.getExitStatus()));
        // a cycle in which a scope failed ends FAILED, so that it may be run again; its exit status says how
        if (execution.getStatus() != BatchStatus.COMPLETED && recorded.filter(CycleOutcome::failsTheCycle).isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            if (isDatabaseFailure(failure)) {
                // the other accounts of the run still get their cycle
                return new AccountResult(account.name(), CycleOutcome.DATABASE_FAILED, "database error: "
                        + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure).getMessage(), counts);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime; // a defect: classified into an exit code by the command line
            }
            return new AccountResult(account.name(), CycleOutcome.DATABASE_FAILED,
                    "the poll job ended " + execution.getStatus() + (failure == null ? "" : ": " + failure.getMessage()), counts);
        }
        return new AccountResult(account.name(), recorded.orElse(CycleOutcome.COMPLETED), exitDescription(execution), counts);
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
