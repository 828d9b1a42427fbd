package io.convosowarehouse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** psql against one database, run the way an analyst runs a report file: {@code psql -v … -f FILE}. */
record Psql(String host, String port, String database, String user, String password) {

    /** One psql run: wall time of the process, its exit code and what it wrote to stderr. */
    record Run(long nanos, int exitCode, String errors) {

        boolean ok() {
            return exitCode == 0 && errors.isBlank();
        }
    }

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    static Psql forJdbcUrl(String url, String user, String password) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read host and database from " + url);
        }
        return new Psql(m.group(1), m.group(2) == null ? "5432" : m.group(2), m.group(3), user, password);
    }

    Run file(Path file, Map<String, String> variables) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", host, "-p", port, "-U", user,
                "-d", database, "-v", "ON_ERROR_STOP=1"));
        variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
        command.addAll(List.of("-f", file.toString(), "-o", "/dev/null"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (password != null && !password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Run(System.nanoTime() - start, exit, errors);
    }
}
