package io.convosowarehouse.job;

import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;

/**
 * The poll job: one job execution per account per poll cycle, identified by the account name and
 * the scheduled time (never by the token), so a crashed cycle never blocks the next one.
 */
@Configuration(proxyBeanMethods = false)
public class PollJobConfiguration {

    public static final String JOB_NAME = "pollJob";
    public static final String ACCOUNT = "account";
    public static final String SCHEDULED_AT = "scheduledAt";
    public static final String DEADLINE = "deadline";
    /** The database session of the process that runs the execution (see {@link CycleOwnership}). */
    public static final String OWNER = "owner";

    @Bean
    Job pollJob(JobRepository jobRepository, Step pollScopes) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(pollScopes)
                .build();
    }

    /**
     * The step itself holds no database transaction: each snapshot commits in its own, so the
     * step's transaction manager is a resourceless one.
     */
    @Bean
    Step pollScopes(JobRepository jobRepository, Tasklet pollScopesTasklet) {
        return new StepBuilder("pollScopes", jobRepository)
                .tasklet(pollScopesTasklet, new ResourcelessTransactionManager())
                .listener(new FailedScopesFailTheCycle())
                .build();
    }

    /**
     * A cycle in which a scope failed ends FAILED, not COMPLETED (see {@link CycleOutcome#failsTheCycle});
     * only a COMPLETED cycle is "already done". Its exit status still says how it failed. afterStep is
     * where Spring Batch lets a step's listener change the step's status.
     */
    private static final class FailedScopesFailTheCycle implements StepExecutionListener {

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (CycleOutcome.recordedAs(stepExecution.getExitStatus()).filter(CycleOutcome::failsTheCycle).isPresent()) {
                stepExecution.setStatus(BatchStatus.FAILED);
            }
            return null;
        }
    }

    /**
     * The tasklet polls the cycle's scopes. Which have loaded is written to the step's execution
     * context in the job repository as each one is stored, in the same transaction
     * ({@link JobRepository#updateExecutionContext(StepExecution)} joins the snapshot's: the repository
     * and the warehouse share the data source and the transaction manager, and the step's own
     * transaction manager is resourceless, so it binds no connection that would stand in the way).
     * A process killed mid-cycle thus leaves on record exactly the scopes it stored, and a re-run of
     * the cycle calls only the others.
     */
    @Bean
    Tasklet pollScopesTasklet(PollCycle cycle, ConvosoProperties properties, JobRepository jobRepository,
            CycleOwnership ownership) {
        List<AccountSettings> accounts = properties.resolvedAccounts();
        return (contribution, chunkContext) -> {
            JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
            String accountName = parameters.getString(ACCOUNT);
            AccountSettings account = accounts.stream()
                    .filter(a -> a.name().equals(accountName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no account named " + accountName + " is configured"));
            Instant deadline = Instant.parse(parameters.getString(DEADLINE));
            var stepExecution = chunkContext.getStepContext().getStepExecution();
            // a cycle run again after failing, stopping or dying gets the step context its last execution left
            CycleReport report = CycleReport.resumedFrom(stepExecution.getExecutionContext());
            try {
                cycle.run(account, deadline, report, progress -> {
                    ownership.confirmStillOwned(stepExecution); // no other run took the cycle over: it waits for this one
                    progress.writeTo(stepExecution.getExecutionContext());
                    jobRepository.updateExecutionContext(stepExecution);
                });
            } finally {
                // what loaded, whatever happened: a scope whose transaction rolled back after recording is not
                report.saveProgressTo(stepExecution.getExecutionContext());
            }
            report.writeTo(stepExecution.getJobExecution().getExecutionContext());
            contribution.setExitStatus(report.outcome().exitStatus(report.summary()));
            if (report.wasStopped()) {
                stepExecution.setTerminateOnly(); // the job execution ends STOPPED and may be restarted
            }
            return RepeatStatus.FINISHED;
        };
    }
}
