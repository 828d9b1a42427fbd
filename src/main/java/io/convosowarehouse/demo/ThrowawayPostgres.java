package io.convosowarehouse.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL container for the demo when no database answers and a Docker engine does. It uses
 * the docker command line rather than Testcontainers, which would add Docker client libraries to
 * the jar every poll run loads.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final String IMAGE = "postgres:16-alpine";

    private final String containerId;
    private final String jdbcUrl;

    private ThrowawayPostgres(String containerId, String jdbcUrl) {
        this.containerId = containerId;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts one when a Docker engine answers; empty otherwise. */
    public static Optional<ThrowawayPostgres> startIfDockerAnswers() {
        try {
            if (run(List.of("docker", "info", "--format", "{{.ServerVersion}}")).isEmpty()) {
                return Optional.empty();
            }
            String id = run(List.of("docker", "run", "-d", "--rm", "-p", "127.0.0.1::5432",
                    "-e", "POSTGRES_HOST_AUTH_METHOD=trust", IMAGE)).orElseThrow().strip();
            String port = run(List.of("docker", "port", id, "5432/tcp")).orElseThrow().strip().replaceAll(".*:", "");
            ThrowawayPostgres postgres = new ThrowawayPostgres(id, "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            for (int attempt = 0; attempt < 60; attempt++) {
                if (DatabaseProbe.problemWith(postgres.jdbcUrl, "postgres", "").isEmpty()) {
                    return Optional.of(postgres);
                }
                Thread.sleep(Duration.ofMillis(500).toMillis());
            }
            postgres.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        try {
            run(List.of("docker", "stop", containerId));
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command's output when it exits 0. */
    private static Optional<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
    }
}
