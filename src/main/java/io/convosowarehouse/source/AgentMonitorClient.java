package io.convosowarehouse.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ConvosoProperties;

/**
 * Calls Convoso's Agent Monitor Search endpoint for one scope, with timeouts and retries.
 * A body that says {@code "success": false} is still an answer: it is returned (and archived) and
 * refused by the parser, never retried, since the API has spoken.
 */
@Component
public class AgentMonitorClient implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentMonitorClient.class);

    private final HttpClient http;
    private final ConvosoProperties.Http settings;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final RandomGenerator jitter = RandomGenerator.getDefault();
    private final AtomicInteger retries = new AtomicInteger();

    public AgentMonitorClient(ConvosoProperties properties, Clock clock) {
        this.settings = properties.http();
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Stops the client's selector thread. Left running, it sits in native code when the job exits, and the JVM waits
     * up to 300 ms for such a thread before it halts: a tenth of the poll cycle's budget, every minute. HttpClient is
     * AutoCloseable from Java 21 on (the runtime image's JVM); on 17 there is nothing to close.
     */
    @Override
    public void destroy() throws Exception {
        if (http instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Fetches one answer, retrying what is worth retrying until {@code deadline}.
     *
     * @throws SourceException when no answer came: unreachable, timed out, or an HTTP error status. Its message says
     *                         what failed, not for which account and scope: the caller knows them and says them once
     */
    public ReceivedAnswer fetch(AccountSettings account, Scope scope, Instant deadline) throws SourceException {
        AgentMonitorRequest request = AgentMonitorRequest.of(account, scope);
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.uri());
        } catch (IllegalArgumentException e) {
            // the JDK's message would quote the whole URI, token included
            throw new SourceException("cannot call " + request + ": not an http(s) URL with a host");
        }
        HttpRequest httpRequest = builder
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            long startedNanos = System.nanoTime(); // latency from the monotonic timer: the wall clock may step, or be simulated
            String failure;
            Integer status = null;
            Optional<String> retryAfter = Optional.empty();
            try {
                HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                Instant received = clock.instant();
                int latencyMs = (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    log.debug("GET {} -> {} in {} ms", request, status, latencyMs);
                    return new ReceivedAnswer(scope, received, response.body(), status, latencyMs,
                            response.headers().firstValue("Content-Type").orElse(null), request.redactedUrl());
                }
                failure = "HTTP " + status;
                retryAfter = response.headers().firstValue("Retry-After");
                if (!RetryPolicy.isRetryableStatus(status)) {
                    throw new SourceException(failure + " from " + request
                            + (status == 401 || status == 403 ? "; check CONVOSO_AUTH_TOKEN" : ""));
                }
            } catch (HttpTimeoutException e) {
                failure = "timed out";
            } catch (ConnectException e) {
                failure = "cannot connect to " + account.baseUrl();
            } catch (IOException e) {
                failure = "I/O error (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted while calling " + request);
            }
            Duration pause = retryPolicy.backoff(attempt, retryAfter, clock.instant(), jitter);
            boolean pastDeadline = clock.instant().plus(pause).isAfter(deadline);
            if (attempt >= retryPolicy.maxAttempts() || pastDeadline) {
                throw new SourceException(failure + " from " + request + " after "
                        + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + (pastDeadline && attempt < retryPolicy.maxAttempts() ? " (run deadline reached)" : ""));
            }
            log.warn("{} {}: {} from {}; retrying in {} ms (attempt {} of {})", account.name(), scope, failure, request,
                    pause.toMillis(), attempt + 1, retryPolicy.maxAttempts());
            retries.incrementAndGet();
            sleep(pause);
        }
    }

    /** Retries made by this client so far, for the run summary. */
    public int retries() {
        return retries.get();
    }

    private static void sleep(Duration pause) throws SourceException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting to retry");
        }
    }
}
