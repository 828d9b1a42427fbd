package io.convosowarehouse.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.GZIPOutputStream;

/**
 * An answer body as the raw archive keeps it: its SHA-256 (which also tells a repeated answer) and its gzip.
 * Made from the bytes alone, so it can be computed while the parser reads the same bytes.
 */
public record ArchivedBody(byte[] sha256, byte[] gzip) {

    public static ArchivedBody of(byte[] body) {
        return new ArchivedBody(sha256(body), gzip(body));
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /**
     * gzip at level 3: measured on a 4.4 MB, 5,000-agent answer, 19.7 ms for 11.9% of the size,
     * against 40.8 ms for 9.2% at the default level 6 (the target is 15%).
     */
    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 8));
        try (GZIPOutputStream gzip = new LevelledGzip(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream with a chosen compression level (its deflater is protected). */
    private static final class LevelledGzip extends GZIPOutputStream {
        private static final int LEVEL = 3;

        LevelledGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(LEVEL);
        }
    }
}
