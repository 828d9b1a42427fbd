package io.convosowarehouse.load;

import static io.convosowarehouse.db.ingest.Tables.RAW_PAYLOAD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import org.jooq.DSLContext;

import io.convosowarehouse.source.ReceivedAnswer;

/** Archives answer bodies, gzip-compressed, in ingest.raw_payload. */
final class RawPayloads {

    static final String LOADED = "loaded";
    static final String REJECTED = "rejected";

    private RawPayloads() {
    }

    /** GZIPOutputStream with a chosen compression level (its deflater is protected). */
    private static final class LevelledGzip extends GZIPOutputStream {
        private static final int LEVEL = 3;

        LevelledGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(LEVEL);
        }
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** Inserts the archive row; NULL when this very answer was archived before. */
    static Long archive(DSLContext tx, short accountId, ReceivedAnswer answer, byte[] hash, String outcome, Long snapshotId) {
        return tx.insertInto(RAW_PAYLOAD)
                .set(RAW_PAYLOAD.RECEIVED_AT, answer.receivedAt().atOffset(ZoneOffset.UTC))
                .set(RAW_PAYLOAD.ACCOUNT_ID, accountId)
                .set(RAW_PAYLOAD.SCOPE_KIND, answer.scope().kind().sqlName())
                .set(RAW_PAYLOAD.SCOPE_ID, answer.scope().id())
                .set(RAW_PAYLOAD.REQUEST_URL, answer.requestUrl())
                .set(RAW_PAYLOAD.HTTP_STATUS, answer.httpStatus() == null ? null : answer.httpStatus().shortValue())
                .set(RAW_PAYLOAD.LATENCY_MS, answer.latencyMs())
                .set(RAW_PAYLOAD.CONTENT_TYPE, answer.contentType())
                .set(RAW_PAYLOAD.BODY_BYTES, answer.body().length)
                .set(RAW_PAYLOAD.BODY_GZIP, gzip(answer.body()))
                .set(RAW_PAYLOAD.PAYLOAD_HASH, hash)
                .set(RAW_PAYLOAD.OUTCOME, outcome)
                .set(RAW_PAYLOAD.SNAPSHOT_ID, snapshotId)
                .onConflictOnConstraint(io.convosowarehouse.db.ingest.Keys.RAW_PAYLOAD_ONCE)
                .doNothing()
                .returning(RAW_PAYLOAD.RAW_PAYLOAD_ID)
                .fetchOptional(RAW_PAYLOAD.RAW_PAYLOAD_ID)
                .orElse(null);
    }

    /** The snapshot an archived answer was loaded into, or NULL. */
    static Long snapshotOf(DSLContext tx, long rawPayloadId, Instant receivedAt) {
        return tx.select(RAW_PAYLOAD.SNAPSHOT_ID)
                .from(RAW_PAYLOAD)
                .where(RAW_PAYLOAD.RAW_PAYLOAD_ID.eq(rawPayloadId))
                .and(RAW_PAYLOAD.RECEIVED_AT.eq(receivedAt.atOffset(ZoneOffset.UTC)))
                .fetchOptional(RAW_PAYLOAD.SNAPSHOT_ID)
                .orElse(null);
    }

    static void markOutcome(DSLContext tx, long rawPayloadId, Instant receivedAt, String outcome, Long snapshotId) {
        tx.update(RAW_PAYLOAD)
                .set(RAW_PAYLOAD.OUTCOME, outcome)
                .set(RAW_PAYLOAD.SNAPSHOT_ID, snapshotId)
                .where(RAW_PAYLOAD.RAW_PAYLOAD_ID.eq(rawPayloadId))
                .and(RAW_PAYLOAD.RECEIVED_AT.eq(receivedAt.atOffset(ZoneOffset.UTC)))
                .execute();
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
}
