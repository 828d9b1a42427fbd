package io.convosowarehouse.archive;

import static io.convosowarehouse.db.ingest.Tables.RAW_PAYLOAD;
import static io.convosowarehouse.db.warehouse.Tables.ACCOUNT;
import static io.convosowarehouse.db.warehouse.Tables.SNAPSHOT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;

/** Reads the raw archive back, oldest first, one answer at a time (never the whole range in memory). */
@Component
public class RawArchive {

    private final DSLContext dsl;

    public RawArchive(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** How many archived answers a range holds, for progress. */
    public int count(Instant from, Instant to, String accountName) {
        return dsl.fetchCount(dsl.select(RAW_PAYLOAD.RAW_PAYLOAD_ID)
                .from(RAW_PAYLOAD)
                .join(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(RAW_PAYLOAD.ACCOUNT_ID))
                .where(inRange(from, to, accountName)));
    }

    public void forEach(Instant from, Instant to, String accountName, Consumer<ArchivedAnswer> consumer) {
        try (Cursor<? extends Record> rows = dsl.select(RAW_PAYLOAD.RAW_PAYLOAD_ID, ACCOUNT.ACCOUNT_NAME, RAW_PAYLOAD.SCOPE_KIND,
                        RAW_PAYLOAD.SCOPE_ID, RAW_PAYLOAD.RECEIVED_AT, RAW_PAYLOAD.BODY_GZIP, RAW_PAYLOAD.HTTP_STATUS,
                        RAW_PAYLOAD.LATENCY_MS, RAW_PAYLOAD.CONTENT_TYPE, RAW_PAYLOAD.REQUEST_URL)
                .from(RAW_PAYLOAD)
                .join(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(RAW_PAYLOAD.ACCOUNT_ID))
                .where(inRange(from, to, accountName))
                .orderBy(RAW_PAYLOAD.RECEIVED_AT, RAW_PAYLOAD.RAW_PAYLOAD_ID)
                .fetchSize(100)
                .fetchLazy()) {
            for (Record row : rows) {
                Short status = row.get(RAW_PAYLOAD.HTTP_STATUS);
                ReceivedAnswer answer = new ReceivedAnswer(
                        new Scope(Scope.Kind.valueOf(row.get(RAW_PAYLOAD.SCOPE_KIND).toUpperCase(java.util.Locale.ROOT)),
                                row.get(RAW_PAYLOAD.SCOPE_ID)),
                        row.get(RAW_PAYLOAD.RECEIVED_AT).toInstant(), gunzip(row.get(RAW_PAYLOAD.BODY_GZIP)),
                        status == null ? null : status.intValue(), row.get(RAW_PAYLOAD.LATENCY_MS),
                        row.get(RAW_PAYLOAD.CONTENT_TYPE), row.get(RAW_PAYLOAD.REQUEST_URL));
                consumer.accept(new ArchivedAnswer(row.get(RAW_PAYLOAD.RAW_PAYLOAD_ID), row.get(ACCOUNT.ACCOUNT_NAME), answer));
            }
        }
    }

    /** Per account, the earliest observation time of the snapshots loaded from the range's answers. */
    public java.util.Map<String, Instant> earliestObservedLoaded(Instant from, Instant to, String accountName) {
        var earliest = org.jooq.impl.DSL.min(SNAPSHOT.OBSERVED_AT);
        return dsl.select(ACCOUNT.ACCOUNT_NAME, earliest)
                .from(RAW_PAYLOAD)
                .join(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(RAW_PAYLOAD.ACCOUNT_ID))
                // on account_id too: Citus joins per-account tables only within an account's shard
                .join(SNAPSHOT).on(SNAPSHOT.ACCOUNT_ID.eq(RAW_PAYLOAD.ACCOUNT_ID)
                        .and(SNAPSHOT.SNAPSHOT_ID.eq(RAW_PAYLOAD.SNAPSHOT_ID)))
                .where(inRange(from, to, accountName))
                .groupBy(ACCOUNT.ACCOUNT_NAME)
                .fetchMap(ACCOUNT.ACCOUNT_NAME, r -> r.value2().toInstant());
    }

    private static Condition inRange(Instant from, Instant to, String accountName) {
        Condition range = RAW_PAYLOAD.RECEIVED_AT.ge(from.atOffset(ZoneOffset.UTC))
                .and(RAW_PAYLOAD.RECEIVED_AT.lt(to.atOffset(ZoneOffset.UTC)));
        return accountName == null ? range : range.and(ACCOUNT.ACCOUNT_NAME.eq(accountName));
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("an archived answer cannot be decompressed", e);
        }
    }
}
