package io.convosowarehouse.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that answers Agent Monitor requests with whatever a
 * test decides per request, and remembers every query string it was sent.
 */
public final class CannedAgentMonitor implements AutoCloseable {

    /** One HTTP answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {

        public static Reply json(String body) {
            return new Reply(200, "application/json", body, Map.of());
        }

        public static Reply status(int status, String body) {
            return new Reply(status, "text/plain", body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    public CannedAgentMonitor(Function<String, Reply> replies) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/agent-monitor/search", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            Reply reply = replies.apply(query == null ? "" : query);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> queries() {
        return queries;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
