package io.convosowarehouse.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.config.ConvosoProperties;

import io.convosowarehouse.testsupport.CannedAgentMonitor;
import io.convosowarehouse.testsupport.CannedAgentMonitor.Reply;
import io.convosowarehouse.testsupport.Cli;
import io.convosowarehouse.testsupport.Fixtures;
import io.convosowarehouse.testsupport.TestDatabase;
import io.convosowarehouse.testsupport.WarehouseTestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The poll command against a real HTTP server and a real database, one Spring Batch job execution per cycle. */
class PollCommandIT {

    private static final String TOKEN = "tk_live_9f8e7d6c5b4a3210";
    private static TestDatabase database;
    private static int cycle;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("poll_command");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void emptyTheWarehouse() {
        database.dsl().execute("truncate warehouse.snapshot, warehouse.agent_snapshot, warehouse.campaign_stats, "
                + "warehouse.queue_stats, ingest.raw_payload, ingest.rejected_record");
    }

    @Test
    void aCycleLoadsTheAccountAndFansOutToEveryListedCampaignAndQueue() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            Cli.Result result = poll(api, Map.of("convoso.campaigns", "all", "convoso.queues", "all"));

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out()).contains("3 scope(s): 3 loaded");
            assertThat(api.queries()).containsExactly("auth_token=" + TOKEN, "auth_token=" + TOKEN + "&campaign_id=1234",
                    "auth_token=" + TOKEN + "&queue_id=56789");
            assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id from warehouse.snapshot order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account:", "campaign:1234", "queue:56789");
            assertThat(database.dsl().fetch("select coalesce(campaign_id::text, 'account') from warehouse.campaign_stats order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account", "1234", "account");
            assertThat(database.dsl().fetch("select coalesce(queue_id::text, 'all') from warehouse.queue_stats order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("all", "all", "56789");
            assertThat(database.dsl().fetch("select request_url from ingest.raw_payload order by raw_payload_id").getValues(0, String.class))
                    .first().isEqualTo(api.baseUrl() + "/v1/agent-monitor/search?auth_token=***");
        }
    }

    @Test
    void eachCycleIsOneJobExecutionIdentifiedByAccountAndScheduledTimeNeverByTheToken() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            String scheduledAt = nextCycle();
            Cli.Result first = poll(api, Map.of(), "--scheduled-at", scheduledAt);
            Cli.Result again = poll(api, Map.of(), "--scheduled-at", scheduledAt);

            assertThat(first.exitCode()).isZero();
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("already completed; nothing to do");
            assertThat(api.queries()).hasSize(1);
            assertThat(database.dsl().fetch("""
                    select p.parameter_name || '=' || p.parameter_value
                    from batch.batch_job_execution_params p
                    join batch.batch_job_execution e using (job_execution_id)
                    join batch.batch_job_instance i using (job_instance_id)
                    where p.identifying = 'Y' and i.job_name = 'pollJob' and e.job_execution_id = (
                        select max(job_execution_id) from batch.batch_job_execution)
                    order by 1""").getValues(0, String.class))
                    .containsExactly("account=default", "scheduledAt=" + scheduledAt);
        }
    }

    @Test
    void aCycleLeftStartedByAProcessThatDiedIsRecoveredAndRunAgain() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            String scheduledAt = nextCycle();
            assertThat(poll(api, Map.of(), "--scheduled-at", scheduledAt).exitCode()).isZero();
            leaveLastExecutionStarted(); // what kill -9 in the middle of the cycle leaves; its process's session has ended

            Cli.Result again = poll(api, Map.of(), "--scheduled-at", scheduledAt);

            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).contains("was left STARTED and its process is gone (its database session, pid ",
                    "has ended); marking it FAILED", "1 scope(s) loaded by an earlier run of this cycle, not called again");
            assertThat(api.queries()).hasSize(1);
            assertThat(executionsOf(scheduledAt)).containsExactly("FAILED FAILED", "COMPLETED COMPLETED");
            assertThat(database.dsl().fetch("""
                    select s.status || ' ' || s.exit_message from batch.batch_step_execution s
                    join batch.batch_job_execution_params p using (job_execution_id)
                    where p.parameter_name = 'scheduledAt' and p.parameter_value = {0}
                    order by s.step_execution_id limit 1""", scheduledAt).getValues(0, String.class)).singleElement().asString()
                    .startsWith("FAILED abandoned: its process is gone (its database session, pid ");
        }
    }

    @Test
    void aCycleStartedInAProcessWhoseSessionIsOpenIsLeftToItUntilAMinutePastItsDeadline() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()));
                java.sql.Connection otherProcess = java.sql.DriverManager.getConnection(database.url(),
                        io.convosowarehouse.testsupport.PostgresServer.get().user(),
                        io.convosowarehouse.testsupport.PostgresServer.get().password())) {
            String scheduledAt = nextCycle();
            assertThat(poll(api, Map.of(), "--scheduled-at", scheduledAt).exitCode()).isZero();
            leaveLastExecutionStarted();
            var session = org.jooq.impl.DSL.using(otherProcess).fetchSingle("""
                    select pid, pid || '@' || floor(extract(epoch from backend_start) * 1000000)::bigint
                    from pg_stat_activity where pid = pg_backend_pid()""");
            setLastExecutionParameter("owner", session.get(1, String.class));

            Cli.Result running = poll(api, Map.of(), "--scheduled-at", scheduledAt);
            // as a process on a lost node would leave it: its session still open, its deadline long past
            setLastExecutionParameter("deadline", Instant.now().minusSeconds(61).toString());
            Cli.Result takenOver = poll(api, Map.of(), "--scheduled-at", scheduledAt);

            assertThat(running.exitCode()).as(running.all()).isZero();
            assertThat(running.out()).contains("the cycle scheduled at " + scheduledAt + " is running in another process (job execution ",
                    "database session pid " + session.get(0, Integer.class) + " still open), which owns it; nothing done");
            assertThat(takenOver.exitCode()).as(takenOver.all()).isZero();
            assertThat(takenOver.out()).contains("its process is gone (its run deadline passed over 60 s ago)",
                    "marking it FAILED");
            assertThat(api.queries()).hasSize(1);
            assertThat(executionsOf(scheduledAt)).containsExactly("FAILED FAILED", "COMPLETED COMPLETED");
        }
    }

    @Test
    void aRunWhoseCycleWasTakenOverStoresNothingMoreAndCallsNoOtherScope() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> {
            if (query.contains("campaign_id")) {
                // another run takes the cycle over while the campaign's call is in flight, as JobOperator.recover marks it
                database.dsl().execute("update batch.batch_step_execution set status = 'FAILED', version = version + 1 "
                        + "where status = 'STARTED'");
                database.dsl().execute("update batch.batch_job_execution set status = 'FAILED', version = version + 1 "
                        + "where status = 'STARTED'");
            }
            return Reply.json(Fixtures.exampleAnswer());
        })) {
            Cli.Result result = poll(api, Map.of("convoso.campaigns", "all", "convoso.queues", "all"));

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out()).contains("was taken over by another run, which owns it now");
            assertThat(api.queries()).containsExactly("auth_token=" + TOKEN, "auth_token=" + TOKEN + "&campaign_id=1234");
            assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id from warehouse.snapshot order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account:");
        }
    }

    @Test
    void aFailedCycleIsRecordedAsFailedAndRunningItAgainLoadsIt() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> down.get() ? Reply.status(503, "busy")
                : Reply.json(Fixtures.exampleAnswer()))) {
            String scheduledAt = nextCycle();
            Cli.Result failed = poll(api, Map.of("convoso.http.max-attempts", "1"), "--scheduled-at", scheduledAt);
            down.set(false);
            Cli.Result rerun = poll(api, Map.of(), "--scheduled-at", scheduledAt);
            Cli.Result again = poll(api, Map.of(), "--scheduled-at", scheduledAt);

            assertThat(failed.exitCode()).as(failed.all()).isEqualTo(3);
            assertThat(rerun.exitCode()).as(rerun.all()).isZero();
            assertThat(rerun.out()).contains("1 scope(s): 1 loaded").doesNotContain("already completed");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("already completed; nothing to do");
            assertThat(api.queries()).hasSize(2);
            assertThat(database.count("warehouse.snapshot")).isEqualTo(1);
            assertThat(executionsOf(scheduledAt)).containsExactly("FAILED SOURCE_FAILED", "COMPLETED COMPLETED");
        }
    }

    @Test
    void runningAPartlyFailedCycleAgainCallsOnlyTheScopesThatFailedAndStoresNothingTwice() throws Exception {
        AtomicBoolean queueDown = new AtomicBoolean(true);
        AtomicReference<String> answer = new AtomicReference<>(Fixtures.exampleAnswer());
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> queueDown.get() && query.contains("queue_id")
                ? Reply.status(500, "down") : Reply.json(answer.get()))) {
            Map<String, String> fanOut = Map.of("convoso.campaigns", "all", "convoso.queues", "all", "convoso.http.max-attempts", "1");
            String scheduledAt = nextCycle();
            Cli.Result partial = poll(api, fanOut, "--scheduled-at", scheduledAt);
            int callsBefore = api.queries().size();
            queueDown.set(false);
            // the API only tells "now": called again, a scope that loaded would give a second, newer snapshot
            answer.set(Fixtures.exampleAnswer().replace("2025-06-02 10:51:47", "2025-06-02 10:52:47"));
            Cli.Result rerun = poll(api, fanOut, "--scheduled-at", scheduledAt);

            assertThat(partial.exitCode()).as(partial.all()).isEqualTo(5);
            assertThat(rerun.exitCode()).as(rerun.all()).isZero();
            assertThat(rerun.out()).contains("1 scope(s): 1 loaded");
            assertThat(api.queries().subList(callsBefore, api.queries().size()))
                    .containsExactly("auth_token=" + TOKEN + "&queue_id=56789");
            assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id from warehouse.snapshot order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account:", "campaign:1234", "queue:56789");
            assertThat(executionsOf(scheduledAt)).containsExactly("FAILED PARTIAL", "COMPLETED COMPLETED");
        }
    }

    @Test
    void eachScopeIsRecordedAsLoadedInTheTransactionThatStoresItsSnapshotAndNeverWithoutIt() throws Exception {
        // every committed write of a step execution context; and the queue's snapshot failing as it commits
        database.dsl().execute("""
                create table public.context_write (n serial primary key, context text);
                create function public.log_context_write() returns trigger language plpgsql as $$
                begin
                    insert into public.context_write (context) values (new.short_context);
                    return null;
                end $$;
                create trigger log_context_write after insert or update on batch.batch_step_execution_context
                    for each row execute function public.log_context_write();
                create function public.fail_queue_snapshot() returns trigger language plpgsql as $$
                begin
                    raise exception 'the queue snapshot fails at commit';
                end $$;
                create constraint trigger fail_queue_snapshot after insert on warehouse.snapshot
                    deferrable initially deferred for each row when (new.scope_kind = 'queue')
                    execute function public.fail_queue_snapshot()""");
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            Cli.Result result = poll(api, Map.of("convoso.campaigns", "all", "convoso.queues", "all"));

            assertThat(result.exitCode()).as(result.all()).isEqualTo(5);
            assertThat(result.err()).contains("queue:56789: database error: ", "the queue snapshot fails at commit");
            assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id from warehouse.snapshot order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account:", "campaign:1234");
            var serializer = new org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer();
            List<String> recorded = new java.util.ArrayList<>();
            for (String context : database.dsl().fetch("select context from public.context_write order by n").getValues(0, String.class)) {
                Map<String, Object> values = serializer.deserialize(new java.io.ByteArrayInputStream(context.getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
                recorded.add(String.valueOf(values.get("scopesDone")));
            }
            // as each scope is stored, not only when the step ends; the queue's record rolled back with its snapshot
            assertThat(recorded).containsSubsequence("account", "account,campaign:1234", "account,campaign:1234")
                    .noneMatch(done -> done.contains("queue"));
        } finally {
            database.dsl().execute("""
                    drop trigger fail_queue_snapshot on warehouse.snapshot;
                    drop trigger log_context_write on batch.batch_step_execution_context;
                    drop function public.fail_queue_snapshot();
                    drop function public.log_context_write();
                    drop table public.context_write""");
        }
    }

    @Test
    void aCycleStoppedBetweenScopesRunsAgainForTheScopesItDidNotReach() throws Exception {
        AtomicReference<StopSignal> sigterm = new AtomicReference<>();
        AtomicReference<String> answer = new AtomicReference<>(Fixtures.exampleAnswer());
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> {
            if (query.contains("campaign_id") && sigterm.get() != null) {
                sigterm.get().request(); // SIGTERM while the campaign's call is in flight
            }
            return Reply.json(answer.get());
        })) {
            Map<String, String> settings = settings(api);
            settings.putAll(Map.of("convoso.campaigns", "all", "convoso.queues", "all"));
            String scheduledAt = nextCycle();
            PollRunner.AccountResult stopped;
            try (ConfigurableApplicationContext run = WarehouseTestContext.start(database, settings)) {
                sigterm.set(run.getBean(StopSignal.class));
                stopped = run.getBean(PollRunner.class)
                        .poll(run.getBean(ConvosoProperties.class).resolvedAccounts(), Instant.parse(scheduledAt)).get(0);
            }
            sigterm.set(null);
            answer.set(Fixtures.exampleAnswer().replace("2025-06-02 10:51:47", "2025-06-02 10:52:47"));
            PollRunner.AccountResult rerun;
            try (ConfigurableApplicationContext run = WarehouseTestContext.start(database, settings)) {
                rerun = run.getBean(PollRunner.class)
                        .poll(run.getBean(ConvosoProperties.class).resolvedAccounts(), Instant.parse(scheduledAt)).get(0);
            }

            assertThat(stopped.outcome()).as(stopped.summary()).isEqualTo(CycleOutcome.STOPPED);
            assertThat(rerun.outcome()).as(rerun.summary()).isEqualTo(CycleOutcome.COMPLETED);
            assertThat(api.queries()).containsExactly("auth_token=" + TOKEN, "auth_token=" + TOKEN + "&campaign_id=1234",
                    "auth_token=" + TOKEN + "&queue_id=56789");
            assertThat(database.dsl().fetch("select scope_kind || ':' || scope_id from warehouse.snapshot order by snapshot_id")
                    .getValues(0, String.class)).containsExactly("account:", "campaign:1234", "queue:56789");
            assertThat(executionsOf(scheduledAt)).containsExactly("STOPPED STOPPED", "COMPLETED COMPLETED");
        }
    }

    @Test
    void aMissingTokenIsAConfigurationErrorNamingTheAccountAndTheSettingBeforeAnyCall(@TempDir Path dir) throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            Map<String, String> noToken = settings(api);
            noToken.remove("convoso.auth-token");
            Cli.Result single = Cli.run(noToken, "poll", "--scheduled-at", nextCycle());
            // an account whose token comes from an environment variable that is not set
            Map<String, String> twoAccounts = new HashMap<>(noToken);
            twoAccounts.putAll(Map.of("convoso.accounts[0].name", "east", "convoso.accounts[0].auth-token", TOKEN,
                    "convoso.accounts[1].name", "west", "convoso.accounts[1].auth-token", "${CW_TEST_UNSET_WEST_TOKEN}"));
            Cli.Result west = Cli.run(twoAccounts, "poll", "--scheduled-at", nextCycle());

            assertThat(single.exitCode()).as(single.all()).isEqualTo(2);
            assertThat(single.err().strip().lines()).singleElement().asString()
                    .contains("configuration error", "account 'default'", "CONVOSO_AUTH_TOKEN");
            assertThat(west.exitCode()).as(west.all()).isEqualTo(2);
            assertThat(west.err().strip().lines()).singleElement().asString()
                    .contains("configuration error", "account 'west'", "convoso.accounts[1].auth-token", "CW_TEST_UNSET_WEST_TOKEN");
            assertThat(west.all()).doesNotContain(TOKEN);
            assertThat(api.queries()).as("no call made, not even for the account that has its token").isEmpty();
            assertThat(database.count("ingest.rejected_record")).isZero();

            // commands that do not call the API need no token
            Path answer = dir.resolve("answer.json");
            Files.writeString(answer, Fixtures.exampleAnswer());
            Cli.Result ingest = Cli.run(noToken, "ingest", answer.toString());
            assertThat(ingest.exitCode()).as(ingest.all()).isZero();
            assertThat(database.count("warehouse.snapshot")).isEqualTo(1);
        }
    }

    @Test
    void successFalseFailsCleanlyWithExitCode3AndIsKeptAsARejectedAnswer() throws Exception {
        String refusal = "{\"success\":false,\"code\":401,\"text\":\"Invalid auth token\"}";
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(refusal))) {
            Cli.Result result = poll(api, Map.of());

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("success:false with code 401: Invalid auth token");
            assertThat(result.all()).doesNotContain("Exception", "\tat ");
            assertThat(database.count("warehouse.snapshot")).isZero();
            assertThat(database.dsl().fetchValue("select outcome from ingest.raw_payload")).isEqualTo("rejected");
            assertThat(database.dsl().fetchValue("select reason from ingest.rejected_record"))
                    .isEqualTo("the API answered success:false with code 401: Invalid auth token");
        }
    }

    @Test
    void aBodyThatIsNotJsonFailsWithExitCode3AndWritesNoSnapshot() throws Exception {
        Reply html = new Reply(200, "text/html", "<html><body>Maintenance</body></html>", Map.of());
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> html)) {
            Cli.Result result = poll(api, Map.of());

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("not valid JSON");
            assertThat(database.count("warehouse.snapshot")).isZero();
            assertThat(database.count("warehouse.agent_snapshot")).isZero();
            assertThat(database.count("ingest.raw_payload")).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReportedWithExitCode3() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> {
            calls.incrementAndGet();
            return Reply.status(503, "busy");
        })) {
            Cli.Result result = poll(api, Map.of("convoso.http.max-attempts", "3"));

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(calls.get()).isEqualTo(3);
            assertThat(result.err()).contains("HTTP 503", "after 3 attempts", "auth_token=***");
            // the account and the scope, each said once
            assertThat(result.err().lines()).singleElement().asString().startsWith("poll default: ")
                    .contains("; account: HTTP 503 from ").doesNotContain("default account");
            assertThat(database.dsl().fetchValue("select reason from ingest.rejected_record").toString())
                    .startsWith("no answer for scope account: HTTP 503 from ");
            assertThat(database.dsl().fetchValue("select scope_kind || ':' || scope_id from reporting.failed_poll")).isEqualTo("account:");
        }
    }

    @Test
    void aSettingThatMakesNoSenseIsRefusedNamingItBeforeAnyCall() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            long cycles = database.count("batch.batch_job_instance");
            Map<String, String> nonsense = Map.of("convoso.http.max-attempts", "0", "convoso.http.connect-timeout", "0s",
                    "convoso.http.read-timeout", "-1s", "convoso.http.initial-backoff", "0ms", "convoso.http.max-backoff", "-10s",
                    "convoso.run-deadline", "0s", "convoso.retention.raw-payload", "-5d", "convoso.retention.agent-snapshot", "-1d",
                    "convoso.derive.gap-threshold", "0s");
            nonsense.forEach((setting, value) -> {
                Cli.Result result = poll(api, Map.of(setting, value));

                String variable = setting.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_");
                assertThat(result.exitCode()).as(setting + "=" + value).isEqualTo(2);
                assertThat(result.err().lines()).as(setting + "=" + value).singleElement().asString()
                        .startsWith("convoso-warehouse poll: configuration error: " + setting + " (" + variable + ") must be");
            });
            assertThat(api.queries()).as("calls made").isEmpty();
            assertThat(database.count("batch.batch_job_instance")).as("cycles started").isEqualTo(cycles);

            // as documented, 0 keeps the raw archive forever
            assertThat(poll(api, Map.of("convoso.retention.raw-payload", "0")).exitCode()).isZero();
        }
    }

    @Test
    void aRetryAfterIsHonouredAndTheNextAttemptLoads() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> calls.incrementAndGet() == 1
                ? new Reply(429, "text/plain", "slow down", Map.of("Retry-After", "1"))
                : Reply.json(Fixtures.exampleAnswer()))) {
            long started = System.nanoTime();
            Cli.Result result = poll(api, Map.of());

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(calls.get()).isEqualTo(2);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1000);
            assertThat(database.count("warehouse.snapshot")).isEqualTo(1);
        }
    }

    @Test
    void oneFailingScopeDoesNotLoseTheOthersAndExitsPartial() throws Exception {
        Function<String, Reply> queueDown = query -> query.contains("queue_id") ? Reply.status(500, "down")
                : Reply.json(Fixtures.exampleAnswer());
        try (CannedAgentMonitor api = new CannedAgentMonitor(queueDown)) {
            Cli.Result result = poll(api, Map.of("convoso.campaigns", "all", "convoso.queues", "all",
                    "convoso.http.max-attempts", "1"));

            assertThat(result.exitCode()).isEqualTo(5);
            assertThat(result.err()).contains("2 loaded", "1 failed", "; queue:56789: HTTP 500 from ").doesNotContain("default queue");
            assertThat(result.logs()).as("the warning names account and scope").contains("default queue:56789: HTTP 500 from ");
            assertThat(database.dsl().fetchValue("select scope_kind || ':' || scope_id from reporting.failed_poll")).isEqualTo("queue:56789");
            assertThat(database.count("warehouse.snapshot")).isEqualTo(2);
        }
    }

    @Test
    void theTokenAppearsInNoOutputAndNoTableEvenAtDebugLevel() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> query.contains("queue_id")
                ? Reply.status(500, "failed for " + query) : Reply.json(Fixtures.exampleAnswer()))) {
            Cli.Result result = poll(api, Map.of("convoso.queues", "all", "convoso.http.max-attempts", "2",
                    "logging.level.root", "DEBUG"), "--debug");

            assertThat(result.exitCode()).isEqualTo(5);
            assertThat(result.all()).contains("auth_token=***").doesNotContain(TOKEN);
            List<String> tables = database.dsl().fetch("""
                    select table_schema || '.' || table_name from information_schema.tables
                    where table_schema in ('warehouse', 'ingest', 'batch', 'reporting')""").getValues(0, String.class);
            for (String table : tables) {
                assertThat(database.dsl().fetchValue("select count(*) from " + table + " t where t::text like {0}",
                        org.jooq.impl.DSL.val("%" + TOKEN + "%"))).as(table).isEqualTo(0L);
            }
        }
    }

    @Test
    void aDebugRunLogsToTheConsoleOnlyAndWritesNoLogFile(@TempDir Path tmp) throws IOException {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            // where a log file would go by default (Spring Boot's is ${java.io.tmpdir}/spring.log), or by LOG_PATH
            Cli.Result result = poll(api, Map.of("logging.level.root", "DEBUG", "java.io.tmpdir", tmp.toString(),
                    "LOG_PATH", tmp.toString()), "--debug");

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.logs()).as("the HTTP client's request lines, redacted").contains("auth_token=***");
            assertThat(result.all()).doesNotContain(TOKEN);
            try (var written = Files.list(tmp)) {
                assertThat(written).as("files written").isEmpty();
            }
        }
    }

    @Test
    void logFormatJsonPrintsEveryLogLineAsOneJsonObjectWithTheRunSummaryFieldsAsMembers() throws IOException {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            Cli.Result result = poll(api, Map.of("LOG_FORMAT", "json", "logging.level.root", "DEBUG"), "--debug");

            assertThat(result.exitCode()).as(result.all()).isZero();
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> lines = result.logs().lines().map(json::readTree).toList();
            assertThat(lines).isNotEmpty().allMatch(JsonNode::isObject);
            JsonNode summary = lines.stream().filter(line -> line.path("message").asString().startsWith("run summary:"))
                    .findFirst().orElseThrow();
            assertThat(summary.path("accounts").asString()).isEqualTo("default");
            assertThat(summary.path("snapshots_loaded").asInt()).isEqualTo(1);
            assertThat(summary.path("exit_code").asInt()).isZero();
            assertThat(result.logs()).as("the HTTP client's request lines, redacted").contains("auth_token=***");
            assertThat(result.all()).doesNotContain(TOKEN);
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithExitCode4AndOneLine() throws Exception {
        try (CannedAgentMonitor api = new CannedAgentMonitor(query -> Reply.json(Fixtures.exampleAnswer()))) {
            Map<String, String> settings = settings(api);
            settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
            settings.put("spring.datasource.hikari.connection-timeout", "1000");
            Cli.Result result = Cli.run(settings, "poll");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.err().strip().lines()).singleElement().asString()
                    .startsWith("convoso-warehouse poll: database error: ")
                    .contains("SPRING_DATASOURCE_URL");
        }
    }

    private static Cli.Result poll(CannedAgentMonitor api, Map<String, String> extra, String... options) {
        Map<String, String> settings = settings(api);
        settings.putAll(extra);
        String[] args = new String[options.length + 1];
        args[0] = "poll";
        System.arraycopy(options, 0, args, 1, options.length);
        if (options.length == 0 || !List.of(options).contains("--scheduled-at")) {
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--scheduled-at", nextCycle()))
                    .toArray(String[]::new);
        }
        return Cli.run(settings, args);
    }

    private static Map<String, String> settings(CannedAgentMonitor api) {
        Map<String, String> settings = new HashMap<>(database.springProperties());
        settings.put("convoso.base-url", api.baseUrl());
        settings.put("convoso.auth-token", TOKEN);
        settings.put("convoso.http.initial-backoff", "10ms");
        return settings;
    }

    /** What kill -9 in the middle of a cycle leaves in the job repository: its last execution STARTED. */
    private static void leaveLastExecutionStarted() {
        database.dsl().execute("""
                update batch.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null
                where job_execution_id = (select max(job_execution_id) from batch.batch_job_execution)""");
        database.dsl().execute("""
                update batch.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null
                where job_execution_id = (select max(job_execution_id) from batch.batch_job_execution)""");
    }

    private static void setLastExecutionParameter(String name, String value) {
        assertThat(database.dsl().execute("""
                update batch.batch_job_execution_params set parameter_value = {0}
                where parameter_name = {1} and job_execution_id = (select max(job_execution_id) from batch.batch_job_execution)""",
                value, name)).isEqualTo(1);
    }

    /** Status and exit code of each job execution of the cycle scheduled at {@code scheduledAt}, oldest first. */
    private static List<String> executionsOf(String scheduledAt) {
        return database.dsl().fetch("""
                select e.status || ' ' || e.exit_code from batch.batch_job_execution e
                join batch.batch_job_execution_params p using (job_execution_id)
                where p.parameter_name = 'scheduledAt' and p.parameter_value = {0}
                order by e.job_execution_id""", scheduledAt).getValues(0, String.class);
    }

    /** Each poll in these tests is its own cycle, as each minute's would be. */
    private static String nextCycle() {
        return java.time.Instant.parse("2025-06-02T17:00:00Z").plusSeconds(60L * ++cycle).toString();
    }
}
