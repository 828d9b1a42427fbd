package io.convosowarehouse.job;

import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
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

    static final String COMPLETED = ExitStatus.COMPLETED.getExitCode();
    static final String PARTIAL = "PARTIAL";
    static final String SOURCE_FAILED = "SOURCE_FAILED";
    static final String DATABASE_FAILED = "DATABASE_FAILED";
    static final String STOPPED = "STOPPED";

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
                .build();
    }

    @Bean
    Tasklet pollScopesTasklet(PollCycle cycle, ConvosoProperties properties) {
        List<AccountSettings> accounts = properties.resolvedAccounts();
        return (contribution, chunkContext) -> {
            JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
            String accountName = parameters.getString(ACCOUNT);
            AccountSettings account = accounts.stream()
                    .filter(a -> a.name().equals(accountName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no account named " + accountName + " is configured"));
            Instant deadline = Instant.parse(parameters.getString(DEADLINE));
            CycleReport report = cycle.run(account, deadline);
            var stepExecution = chunkContext.getStepContext().getStepExecution();
            report.writeTo(stepExecution.getJobExecution().getExecutionContext());
            contribution.setExitStatus(new ExitStatus(report.exitCode(), report.summary()));
            if (report.wasStopped()) {
                stepExecution.setTerminateOnly(); // the job execution ends STOPPED and may be restarted
            }
            return RepeatStatus.FINISHED;
        };
    }
}
