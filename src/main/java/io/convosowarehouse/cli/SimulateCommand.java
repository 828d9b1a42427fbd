package io.convosowarehouse.cli;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.convosowarehouse.exit.ExitCode;
import io.convosowarehouse.simulator.http.SimulatorServer;
import io.convosowarehouse.simulator.SimulatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = {
        "Serve a Convoso-compatible Agent Monitor Search endpoint on 127.0.0.1 until stopped (Ctrl-C).",
        "Same seed, same simulated time: the same answer, byte for byte. Fault options are off by default."})
class SimulateCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "TCP port (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--auth-token", defaultValue = "demo-token", description = "The only auth_token accepted (default ${DEFAULT-VALUE}).")
    String authToken;

    @Option(names = "--agents", defaultValue = "50", description = "Agents on the roster (default ${DEFAULT-VALUE}).")
    int agents;

    @Option(names = "--campaigns", defaultValue = "3", description = "Campaigns (default ${DEFAULT-VALUE}).")
    int campaigns;

    @Option(names = "--queues", defaultValue = "4", description = "Inbound queues (default ${DEFAULT-VALUE}).")
    int queues;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the roster and the agents' days (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-zone", defaultValue = "America/Los_Angeles", description = "The account's zone (default ${DEFAULT-VALUE}).")
    ZoneId timeZone;

    @Option(names = "--start", defaultValue = "2025-05-28T06:00", description = "Simulated local start time (default ${DEFAULT-VALUE}).")
    LocalDateTime start;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per real second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--fail-rate", defaultValue = "0", description = "Share of requests (0 to 1) answered HTTP 500/502/503.")
    double failRate;

    @Option(names = "--throttle-rate", defaultValue = "0", description = "Share of requests (0 to 1) answered 429 with Retry-After.")
    double throttleRate;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay before every answer, in milliseconds.")
    int latencyMs;

    @Option(names = "--malformed-rate", defaultValue = "0", description = "Share of answers (0 to 1) that are truncated JSON or an HTML page.")
    double malformedRate;

    @Option(names = "--error-body-rate", defaultValue = "0", description = "Share of answers (0 to 1) that are success:false under HTTP 200.")
    double errorBodyRate;

    @Option(names = "--quirks", description = "Answer with the real API's habits: numbers as strings, placeholders, {} lists, undocumented fields.")
    boolean quirks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorSettings settings;
        try {
            settings = new SimulatorSettings(port, authToken, agents, campaigns, queues, seed, timeZone, start, speed,
                    failRate, throttleRate, latencyMs, malformedRate, errorBodyRate, quirks);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatorServer server = listen(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            spec.commandLine().getOut().printf("Agent Monitor simulator: %d agents, %d campaigns, %d queues, %s from %s at %sx%n"
                    + "  curl '%s/v1/agent-monitor/search?auth_token=%s'%n"
                    + "  poll it: CONVOSO_BASE_URL=%s CONVOSO_AUTH_TOKEN=... CONVOSO_TIME_ZONE=%s java -jar target/convoso-warehouse.jar poll%n",
                    agents, campaigns, queues, timeZone, start, speed, server.baseUrl(), authToken, server.baseUrl(), timeZone);
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return ExitCode.OK.code();
    }

    /** A port that cannot be had is the caller's to change, not an unexpected failure. */
    private SimulatorServer listen(SimulatorSettings settings) {
        try {
            return SimulatorServer.start(settings);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException bind) {
                throw new CommandFailure(ExitCode.USAGE, (String.valueOf(bind.getMessage()).contains("already in use")
                        ? "port " + port + " is already in use" : "cannot listen on 127.0.0.1:" + port + ": " + bind.getMessage())
                        + "; choose another with --port (0 = any free port)");
            }
            throw e;
        }
    }
}
