package io.convosowarehouse.load;

import static io.convosowarehouse.db.ingest.Tables.RAW_PAYLOAD;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jooq.DSLContext;

import io.convosowarehouse.source.ReceivedAnswer;

/** Archives answer bodies, gzip-compressed, in ingest.raw_payload. */
final class RawPayloads {

    static final String LOADED = "loaded";
    static final String REJECTED = "rejected";

    private RawPayloads() {
    }

    /** Inserts the archive row; NULL when this very answer was archived before. */
    static Long archive(DSLContext tx, short accountId, ReceivedAnswer answer, ArchivedBody body, String outcome,
            Long snapshotId) {
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
                .set(RAW_PAYLOAD.BODY_GZIP, body.gzip())
                .set(RAW_PAYLOAD.PAYLOAD_HASH, body.sha256())
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
}
