package io.convosowarehouse.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes archived answers as the envelopes {@code ingest} reads: one JSON object per line,
 * gzip-compressed when the file name ends in .gz. A JSON body is embedded byte for byte, so the
 * answer hashes the same when it is loaded again elsewhere; anything else goes in "body_text" (or
 * "body_base64" when it is not even UTF-8), which gives back the same bytes too.
 */
@Component
public class RawArchiveExport {

    private final RawArchive archive;
    private final JsonMapper mapper;

    public RawArchiveExport(RawArchive archive, JsonMapper mapper) {
        this.archive = archive;
        this.mapper = mapper;
    }

    /**
     * Returns how many answers were written. They go to a hidden file beside {@code file} that replaces it
     * only when complete, so an export that fails midway leaves the previous one as it was.
     */
    public int export(Instant from, Instant to, String accountName, Path file) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            int written = write(from, to, accountName, partial, file.getFileName().toString().endsWith(".gz"));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private int write(Instant from, Instant to, String accountName, Path file, boolean gzip) throws IOException {
        int[] written = {0};
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16)) {
            archive.forEach(from, to, accountName, archived -> {
                try {
                    writeEnvelope(archived, out);
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    private void writeEnvelope(ArchivedAnswer archived, OutputStream out) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("received_at", archived.answer().receivedAt().toString());
        head.put("account", archived.accountName());
        head.put("scope", archived.answer().scope().toString());
        String headJson = mapper.writeValueAsString(head);
        out.write(headJson.substring(0, headJson.length() - 1).getBytes(StandardCharsets.UTF_8));
        byte[] body = archived.answer().body();
        if (isOneJsonValue(body)) {
            out.write(",\"body\":".getBytes(StandardCharsets.UTF_8));
            out.write(body);
        } else if (isUtf8(body)) {
            out.write(",\"body_text\":".getBytes(StandardCharsets.UTF_8));
            out.write(mapper.writeValueAsBytes(new String(body, StandardCharsets.UTF_8)));
        } else {
            out.write(",\"body_base64\":".getBytes(StandardCharsets.UTF_8));
            out.write(mapper.writeValueAsBytes(Base64.getEncoder().encodeToString(body)));
        }
        out.write("}\n".getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A body can be embedded as is when it is exactly one JSON value on one line. */
    private boolean isOneJsonValue(byte[] body) {
        for (byte b : body) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
