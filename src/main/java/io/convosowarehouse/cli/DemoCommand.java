package io.convosowarehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import io.convosowarehouse.config.ConvosoProperties;
import io.convosowarehouse.demo.DatabaseProbe;
import io.convosowarehouse.demo.DemoRun;
import io.convosowarehouse.demo.DemoShift;
import io.convosowarehouse.demo.DemoSummary;
import io.convosowarehouse.demo.DemoTimelinePage;
import io.convosowarehouse.demo.SimulatedWallClock;
import io.convosowarehouse.demo.ThrowawayPostgres;
import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.simulator.clock.ManualClock;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.simulator.SimulatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = {
        "Simulate a whole shift, poll it through the real poll path (HTTP, Spring Batch, PostgreSQL) and print the shift summary.",
        "Uses SPRING_DATASOURCE_* when set, else localhost:5432/postgres as postgres. The data goes into the account 'demo'."})
class DemoCommand implements Callable<Integer> {

    private static final String ACCOUNT = "demo";
    private static final String TOKEN = "demo-token";

    @Option(names = "--agents", defaultValue = "50", description = "Agents (default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--hours", defaultValue = "8", description = "Simulated hours to poll (default ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--poll-every", defaultValue = "PT1M", description = "Simulated time between polls, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration pollEvery;

    @Option(names = "--start", defaultValue = "2025-05-28T06:00", description = "Simulated local start (default ${DEFAULT-VALUE}).")
    LocalDateTime start;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-zone", defaultValue = "America/Los_Angeles", description = "The account's zone (default ${DEFAULT-VALUE}).")
    ZoneId timeZone;

    @Option(names = "--debug", description = "Log what the job does.")
    boolean debug;

    @Option(names = "--page", paramLabel = "FILE", description = "Where to write the shift's timeline page"
            + " (default: convoso-demo-timeline.html in the temporary directory).")
    Path page = Path.of(System.getProperty("java.io.tmpdir"), "convoso-demo-timeline.html");

    @Spec
    CommandSpec spec;

    @ParentCommand
    WarehouseCommandLine commandLine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (agents < 1) {
            throw new CommandFailure(ExitCode.USAGE, "--agents must be at least 1, not " + agents);
        }
        if (hours < 1) {
            throw new CommandFailure(ExitCode.USAGE, "--hours must be at least 1, not " + hours);
        }
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new CommandFailure(ExitCode.USAGE, "--poll-every must be a positive duration such as PT1M, not " + pollEvery);
        }
        DemoShift shift = new DemoShift(agents, seed, timeZone, start, Duration.ofHours(hours), pollEvery);
        Map<String, Object> overrides = new HashMap<>();
        try (ThrowawayPostgres container = databaseOrExplain(out).orElse(null)) {
            if (container != null) {
                overrides.put("spring.datasource.url", container.jdbcUrl());
                overrides.put("spring.datasource.username", "postgres");
            }
            ManualClock clock = new ManualClock(start);
            SimulatorSettings settings = new SimulatorSettings(0, TOKEN, agents, 3, 4, seed, timeZone, start, 1, 0, 0, 0, 0, 0, false);
            try (SimulatorServer simulator = SimulatorServer.start(settings, clock)) {
                overrides.putAll(Map.of("convoso.account", ACCOUNT, "convoso.base-url", simulator.baseUrl(),
                        "convoso.auth-token", TOKEN, "convoso.time-zone", timeZone.getId(), "convoso.campaigns", "",
                        "convoso.queues", "all"));
                out.printf("Simulating %d agents from %s (%s) for %d h, one poll every %s of simulated time: %d polls%n",
                        agents, start, timeZone, hours, pollEvery, shift.polls());
                out.flush();
                try (ConfigurableApplicationContext context = WarehouseContext.start(debug, overrides, commandLine.stopSignal(),
                        new SimulatedWallClock(clock, timeZone))) {
                    var account = context.getBean(ConvosoProperties.class).resolvedAccounts().get(0);
                    DemoRun.Tally tally = context.getBean(DemoRun.class).run(shift, clock, account, out);
                    out.printf("%d polls in %.1f s (%d failed)%n", tally.polls(), tally.took().toMillis() / 1000.0, tally.failed());
                    context.getBean(DemoSummary.class).print(ACCOUNT, timeZone,
                            start.atZone(timeZone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                            start.plusHours(hours).atZone(timeZone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), out);
                    context.getBean(DemoTimelinePage.class).write(ACCOUNT, start, start.plusHours(hours), page);
                    out.println("The shift as a timeline (open it in a browser, it needs no network): " + page.toAbsolutePath());
                    printNextSteps(out);
                    return tally.failed() == 0 ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
                }
            }
        }
    }

    /** The throw-away container, if one had to be started; fails with instructions when there is no database. */
    private static Optional<ThrowawayPostgres> databaseOrExplain(PrintWriter out) {
        StandardEnvironment environment = new StandardEnvironment();
        String url = environment.getProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres");
        Optional<String> problem = DatabaseProbe.problemWith(url,
                environment.getProperty("spring.datasource.username", "postgres"),
                environment.getProperty("spring.datasource.password", ""));
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        out.println("No PostgreSQL answers at " + url + " (" + problem.get() + "); trying a throw-away one in Docker...");
        out.flush();
        Optional<ThrowawayPostgres> container = ThrowawayPostgres.startIfDockerAnswers();
        if (container.isEmpty()) {
            throw new CommandFailure(ExitCode.DATABASE, "no PostgreSQL answers at " + url + " (" + problem.get() + ") and no Docker "
                    + "engine to start one. Get one with 'sudo apt-get install postgresql' (Debian/Ubuntu) or "
                    + "'docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16', or point "
                    + "SPRING_DATASOURCE_URL/USERNAME/PASSWORD at an existing server");
        }
        return container;
    }

    private static void printNextSteps(PrintWriter out) {
        out.println("""

                Look next (psql -h localhost -U postgres):
                  select * from reporting.agent_snapshot limit 5;      -- every agent field of every poll
                  select * from warehouse.agent_state_interval limit 20; -- exact status stretches
                  select * from reporting.agent_shift;                  -- the shifts above
                  select * from warehouse.campaign_stats order by observed_at desc limit 5;
                Reports: java -jar target/convoso-warehouse.jar report --list""");
    }
}
