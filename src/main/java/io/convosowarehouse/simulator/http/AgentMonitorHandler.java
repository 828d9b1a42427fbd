package io.convosowarehouse.simulator.http;

import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.answer.ContactCenter;
import io.convosowarehouse.simulator.clock.SimulationClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Serves {@code GET /v1/agent-monitor/search}: latency, transport-level faults, authentication, then the
 * answer or a body-level fault. Like Convoso, a bad token is an HTTP 200 with {@code "success":false}.
 */
public final class AgentMonitorHandler implements HttpHandler {

    static final String PATH = "/v1/agent-monitor/search";

    private static final String JSON = "application/json; charset=utf-8";
    private static final String INVALID_TOKEN = "{\"success\":false,\"code\":401,\"text\":\"Invalid auth token\"}";
    private static final String INTERNAL_ERROR = "{\"success\":false,\"code\":500,\"text\":\"Internal error\"}";
    private static final String THROTTLED = "{\"success\":false,\"code\":429,\"text\":\"Too many requests\"}";
    private static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>502 Bad Gateway</h1><p>The upstream server is temporarily unavailable.</p></body></html>";

    private final SimulatorSettings settings;
    private final SimulationClock clock;
    private final ContactCenter center;
    private final FaultInjector faults;

    AgentMonitorHandler(SimulatorSettings settings, SimulationClock clock, ContactCenter center, FaultInjector faults) {
        this.settings = settings;
        this.clock = clock;
        this.center = center;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not Found");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed");
                return;
            }
            delay();
            QueryParameters query = new QueryParameters(exchange.getRequestURI().getRawQuery());
            Fault fault = faults.next();
            switch (fault) {
                case SERVER_ERROR -> send(exchange, faults.serverErrorStatus(), "text/plain; charset=utf-8",
                        "Server error, please retry");
                case THROTTLED -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    send(exchange, 429, JSON, THROTTLED);
                }
                default -> answer(exchange, query, fault);
            }
        }
    }

    private void answer(HttpExchange exchange, QueryParameters query, Fault fault) throws IOException {
        if (!settings.authToken().equals(query.get("auth_token"))) {
            send(exchange, 200, JSON, INVALID_TOKEN);
            return;
        }
        switch (fault) {
            case ERROR_BODY -> send(exchange, 200, JSON, INTERNAL_ERROR);
            case HTML_PAGE -> send(exchange, 200, "text/html; charset=utf-8", HTML_PAGE);
            case TRUNCATED_JSON -> {
                byte[] body = center.answerBytes(clock.now(), query.toFilter());
                send(exchange, 200, JSON, Arrays.copyOf(body, body.length / 2));
            }
            default -> send(exchange, 200, JSON, center.answerBytes(clock.now(), query.toFilter()));
        }
    }

    private void delay() throws IOException {
        if (settings.latencyMs() <= 0) {
            return;
        }
        try {
            Thread.sleep(settings.latencyMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while simulating latency", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
