package io.convosowarehouse.simulator.http;

import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.clock.ScaledClock;
import io.convosowarehouse.simulator.clock.SimulationClock;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Convoso-compatible HTTP endpoint on 127.0.0.1 serving {@code GET /v1/agent-monitor/search} from a
 * {@link ContactCenter} at the time of a {@link SimulationClock}. Close it to free the port.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final int WORKER_THREADS = 4;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;

    private SimulatorServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving at once; {@code clock} decides the simulated time of every answer. */
    public static SimulatorServer start(SimulatorSettings settings, SimulationClock clock) {
        // The JDK server sends headers and body in separate packets; without TCP_NODELAY every answer waits
        // ~40 ms for the client's delayed ACK. Read once per JVM when the first server is created.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to port " + settings.port(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS);
        server.setExecutor(workers);
        server.createContext("/", new AgentMonitorHandler(settings, clock, new ContactCenter(settings),
                new FaultInjector(settings)));
        server.start();
        return new SimulatorServer(server, workers);
    }

    /** Starts serving with a {@link ScaledClock} that begins at {@code settings.start()} now. */
    public static SimulatorServer start(SimulatorSettings settings) {
        return start(settings, new ScaledClock(settings.start(), settings.speed()));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "http://127.0.0.1:PORT", without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
