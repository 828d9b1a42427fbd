package io.convosowarehouse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The project's test fixtures, read from the classpath. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The documented example answer of Agent Monitor Search. */
    public static String exampleAnswer() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/agent-monitor-search.example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
