package io.convosowarehouse.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads saved answers: a {@code .json} file holds one answer body; a {@code .ndjson} or
 * {@code .ndjson.gz} file holds one envelope per line,
 * {@code {"received_at": "...Z", "account": "east", "scope": "account", "body": {...}}} ("account", the name of
 * the account the answer came from, is optional: export-raw writes it). An envelope whose answer was
 * not JSON carries it as text in {@code "body_text"} (or in {@code "body_base64"} when it was not
 * even UTF-8) instead. The body's bytes are taken exactly as
 * they stand in the line, so an archive exported and read back hashes the same.
 */
@Component
public class SavedAnswerReader {

    /** Receives what a file holds, one answer or one unreadable line at a time. */
    public interface Sink {
        /** @param accountName the account the envelope names; NULL when it names none, and for a .json file */
        void answer(ReceivedAnswer answer, String accountName);

        void unreadable(String where, String reason);
    }

    private final JsonMapper mapper;

    public SavedAnswerReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param scope      the scope of a plain .json answer
     * @param receivedAt the receive time of a plain .json answer; NULL means the file's modification
     *                   time, which stays the same when the file is loaded again
     */
    public void read(Path file, Scope scope, Instant receivedAt, Sink sink) throws IOException {
        if (holdsEnvelopes(file)) {
            readEnvelopes(file, sink);
        } else {
            byte[] body = Files.readAllBytes(file);
            Instant at = receivedAt != null ? receivedAt : Files.getLastModifiedTime(file).toInstant();
            sink.answer(new ReceivedAnswer(scope, at, body, null, null, null, null), null);
        }
    }

    /** Whether the file holds envelopes (.ndjson, .ndjson.gz), which may name their account, or one bare answer. */
    public static boolean holdsEnvelopes(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
    }

    private void readEnvelopes(Path file, Sink sink) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + " line " + number;
                try {
                    Envelope envelope = envelope(line.getBytes(StandardCharsets.UTF_8));
                    sink.answer(envelope.answer(), envelope.accountName());
                } catch (IllegalArgumentException e) {
                    sink.unreadable(where, e.getMessage());
                } catch (JacksonException e) {
                    sink.unreadable(where, "not a JSON envelope: " + e.getOriginalMessage());
                }
            }
        }
    }

    private record Envelope(ReceivedAnswer answer, String accountName) {
    }

    private Envelope envelope(byte[] line) {
        Instant receivedAt = null;
        String accountName = null;
        Scope scope = Scope.ACCOUNT;
        byte[] body = null;
        try (JsonParser parser = mapper.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an envelope must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (property) {
                    case "received_at" -> receivedAt = instant(parser.getString());
                    case "account" -> accountName = parser.getString();
                    case "scope" -> scope = Scope.parse(parser.getString());
                    case "body" -> {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getByteOffset();
                        body = Arrays.copyOfRange(line, start, end);
                    }
                    case "body_text" -> body = parser.getString().getBytes(StandardCharsets.UTF_8);
                    case "body_base64" -> body = java.util.Base64.getDecoder().decode(parser.getString());
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("the envelope has no received_at");
        }
        if (body == null) {
            throw new IllegalArgumentException("the envelope has no body");
        }
        return new Envelope(new ReceivedAnswer(scope, receivedAt, body, null, null, null, null), accountName);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("received_at must be an ISO-8601 instant such as 2025-05-28T21:43:52Z, not '" + text + "'");
        }
    }
}
