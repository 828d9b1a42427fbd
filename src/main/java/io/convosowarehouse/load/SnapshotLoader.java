package io.convosowarehouse.load;

import static io.convosowarehouse.db.ingest.Tables.REJECTED_RECORD;
import static io.convosowarehouse.db.ingest.Tables.SCHEMA_DRIFT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;
import static io.convosowarehouse.db.warehouse.Tables.CAMPAIGN_STATS;
import static io.convosowarehouse.db.warehouse.Tables.QUEUE_STATS;
import static io.convosowarehouse.db.warehouse.Tables.SNAPSHOT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;

import io.convosowarehouse.derive.SettledAggregates;
import io.convosowarehouse.derive.SnapshotDerivation;

import io.convosowarehouse.parse.ApiField;
import io.convosowarehouse.parse.CounterFields;
import io.convosowarehouse.parse.FieldBlock;
import io.convosowarehouse.parse.FieldValues;
import io.convosowarehouse.parse.ParsedAnswer;
import io.convosowarehouse.parse.RefusedAnswer;
import io.convosowarehouse.parse.Rejection;
import io.convosowarehouse.parse.UnknownField;
import io.convosowarehouse.source.ReceivedAnswer;
import io.convosowarehouse.source.Scope;

/**
 * Loads one answer into the warehouse. One answer is one transaction: the snapshot row, its raw
 * payload, the agents, the counters, the dimensions, the rejected records and (for account-wide
 * answers) the derived intervals and shifts commit together or not at all. The same answer loaded again finds its snapshot key taken and adds nothing.
 */
@Component
public class SnapshotLoader {

    private final DSLContext dsl;
    private final LabelDictionary labels;
    private final PartitionManager partitions;
    private final SnapshotDerivation derivation;
    private final PlannerStatistics statistics;
    private final SettledAggregates aggregates;

    public SnapshotLoader(DSLContext dsl, LabelDictionary labels, PartitionManager partitions,
            SnapshotDerivation derivation, PlannerStatistics statistics, SettledAggregates aggregates) {
        this.dsl = dsl;
        this.labels = labels;
        this.partitions = partitions;
        this.derivation = derivation;
        this.statistics = statistics;
        this.aggregates = aggregates;
    }

    public LoadOutcome load(short accountId, ReceivedAnswer answer, ArchivedBody archived, ParsedAnswer parsed) {
        return load(accountId, answer, archived, parsed, WhenStored.NOTHING);
    }

    /** Loads the answer, and runs {@code whenStored} last in the transaction that stores it (or finds it stored already). */
    public LoadOutcome load(short accountId, ReceivedAnswer answer, ArchivedBody archived, ParsedAnswer parsed,
            WhenStored whenStored) {
        partitions.ensureFor(parsed.observedAt(), answer.receivedAt());
        labels.register(AgentSnapshotCopy.labelsOf(parsed.agents()));
        OffsetDateTime observedAt = parsed.observedAt().atOffset(ZoneOffset.UTC);
        LoadOutcome outcome = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            AccountLock.acquire(tx, accountId);
            Long snapshotId = insertSnapshot(tx, accountId, answer, parsed, archived.sha256(), observedAt);
            if (snapshotId == null) {
                whenStored.inTheSameTransaction(parsed.campaigns(), parsed.queues());
                return LoadOutcome.duplicate();
            }
            Long rawPayloadId = RawPayloads.archive(tx, accountId, answer, archived, RawPayloads.LOADED, snapshotId);
            writeFacts(tx, accountId, snapshotId, observedAt, answer, parsed, rawPayloadId);
            if (answer.scope().kind() == Scope.Kind.ACCOUNT) {
                // only the account-wide answer lists everyone logged in; narrower scopes bring counters only
                derivation.applyIfNewest(tx, snapshotId);
            }
            whenStored.inTheSameTransaction(parsed.campaigns(), parsed.queues());
            return LoadOutcome.loaded(snapshotId, parsed.agents().size(), parsed.rejections().size());
        });
        if (outcome.kind() == LoadOutcome.Kind.LOADED && answer.scope().kind() == Scope.Kind.ACCOUNT) {
            statistics.ensureFor(accountId, outcome.snapshotId(), observedAt, outcome.agents());
            settleAggregates(accountId);
        }
        return outcome;
    }

    /** After the commit: the snapshot is safe, so a failure here is a warning, and the next poll settles instead. */
    private void settleAggregates(short accountId) {
        try {
            dsl.transaction(configuration -> {
                AccountLock.acquire(configuration.dsl(), accountId);
                aggregates.settle(configuration.dsl(), accountId);
            });
        } catch (RuntimeException e) { // Spring's and jOOQ's exceptions alike: nothing here may fail a load
            aggregates.reportFailure(accountId, e);
        }
    }

    /**
     * Loads an archived answer again (after a parser fix or a schema change): the snapshot it gave
     * before, if any, is replaced, in one transaction. Derived facts are left to the rebuild that
     * follows a replay, which recomputes them in time order.
     */
    public LoadOutcome reload(short accountId, long rawPayloadId, ReceivedAnswer answer, ParsedAnswer parsed) {
        partitions.ensureFor(parsed.observedAt());
        labels.register(AgentSnapshotCopy.labelsOf(parsed.agents()));
        byte[] hash = ArchivedBody.sha256(answer.body());
        OffsetDateTime observedAt = parsed.observedAt().atOffset(ZoneOffset.UTC);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            AccountLock.acquire(tx, accountId);
            forgetEarlierLoad(tx, rawPayloadId, answer);
            Long snapshotId = insertSnapshot(tx, accountId, answer, parsed, hash, observedAt);
            if (snapshotId == null) {
                // another archived copy of the very same answer owns the snapshot
                RawPayloads.markOutcome(tx, rawPayloadId, answer.receivedAt(), RawPayloads.LOADED, null);
                return LoadOutcome.duplicate();
            }
            RawPayloads.markOutcome(tx, rawPayloadId, answer.receivedAt(), RawPayloads.LOADED, snapshotId);
            writeFacts(tx, accountId, snapshotId, observedAt, answer, parsed, rawPayloadId);
            return LoadOutcome.loaded(snapshotId, parsed.agents().size(), parsed.rejections().size());
        });
    }

    /** The replay of an archived answer that still cannot be loaded: refused again, with today's reason. */
    public LoadOutcome reloadRefused(short accountId, long rawPayloadId, ReceivedAnswer answer, RefusedAnswer refused) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            AccountLock.acquire(tx, accountId);
            forgetEarlierLoad(tx, rawPayloadId, answer);
            RawPayloads.markOutcome(tx, rawPayloadId, answer.receivedAt(), RawPayloads.REJECTED, null);
            insertRejections(tx, accountId, answer.receivedAt(), rawPayloadId, null,
                    List.of(new Rejection("$", refused.reason(), refused.fragment())));
            return LoadOutcome.refused(refused.reason(), true);
        });
    }

    /** Archives an answer that cannot be loaded, with the reason, so it can be replayed after a fix. */
    public LoadOutcome recordRefused(short accountId, ReceivedAnswer answer, ArchivedBody archived, RefusedAnswer refused) {
        partitions.ensureFor(answer.receivedAt());
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Long rawPayloadId = RawPayloads.archive(tx, accountId, answer, archived, RawPayloads.REJECTED, null);
            if (rawPayloadId != null) {
                insertRejections(tx, accountId, answer.receivedAt(), rawPayloadId, null,
                        List.of(new Rejection("$", refused.reason(), refused.fragment())));
            }
            return LoadOutcome.refused(refused.reason(), rawPayloadId != null);
        });
    }

    /** Records a call that brought no answer at all (unreachable, HTTP error), for coverage reports. */
    public void recordFailedFetch(short accountId, Scope scope, Instant at, String reason) {
        dsl.transaction(configuration -> insertRejections(configuration.dsl(), accountId, at, null, null,
                List.of(new Rejection("$", "no answer for scope " + scope + ": " + reason, null))));
    }

    /** Everything an answer's snapshot holds besides its own row. */
    private void writeFacts(DSLContext tx, short accountId, long snapshotId, OffsetDateTime observedAt, ReceivedAnswer answer,
            ParsedAnswer parsed, Long rawPayloadId) {
        AgentSnapshotCopy.copy(tx, snapshotId, parsed.observedAt(), accountId, parsed.agents(), labels);
        insertCounters(tx, accountId, snapshotId, observedAt, answer.scope(), parsed);
        Dimensions.update(tx, accountId, snapshotId, observedAt, parsed);
        insertRejections(tx, accountId, answer.receivedAt(), rawPayloadId, snapshotId, parsed.rejections());
        recordUnknownFields(tx, answer.receivedAt(), rawPayloadId, parsed.unknownFields());
    }

    /** Deletes what an archived answer was loaded into before: its snapshot, facts and rejected records. */
    private static void forgetEarlierLoad(DSLContext tx, long rawPayloadId, ReceivedAnswer answer) {
        Long earlier = RawPayloads.snapshotOf(tx, rawPayloadId, answer.receivedAt());
        tx.deleteFrom(REJECTED_RECORD).where(REJECTED_RECORD.RAW_PAYLOAD_ID.eq(rawPayloadId)).execute();
        if (earlier == null) {
            return;
        }
        OffsetDateTime observedAt = tx.select(SNAPSHOT.OBSERVED_AT).from(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.eq(earlier))
                .fetchOptional(SNAPSHOT.OBSERVED_AT).orElse(null);
        if (observedAt != null) {
            // observed_at lets PostgreSQL go straight to the right monthly partitions
            tx.deleteFrom(AGENT_SNAPSHOT).where(AGENT_SNAPSHOT.SNAPSHOT_ID.eq(earlier)).and(AGENT_SNAPSHOT.OBSERVED_AT.eq(observedAt)).execute();
            tx.deleteFrom(CAMPAIGN_STATS).where(CAMPAIGN_STATS.SNAPSHOT_ID.eq(earlier)).and(CAMPAIGN_STATS.OBSERVED_AT.eq(observedAt)).execute();
            tx.deleteFrom(QUEUE_STATS).where(QUEUE_STATS.SNAPSHOT_ID.eq(earlier)).and(QUEUE_STATS.OBSERVED_AT.eq(observedAt)).execute();
        }
        tx.deleteFrom(REJECTED_RECORD).where(REJECTED_RECORD.SNAPSHOT_ID.eq(earlier)).execute();
        tx.deleteFrom(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.eq(earlier)).execute();
    }

    private static Long insertSnapshot(DSLContext tx, short accountId, ReceivedAnswer answer, ParsedAnswer parsed,
            byte[] hash, OffsetDateTime observedAt) {
        return tx.insertInto(SNAPSHOT)
                .set(SNAPSHOT.ACCOUNT_ID, accountId)
                .set(SNAPSHOT.SCOPE_KIND, answer.scope().kind().sqlName())
                .set(SNAPSHOT.SCOPE_ID, answer.scope().id())
                .set(SNAPSHOT.OBSERVED_AT, observedAt)
                .set(SNAPSHOT.RECEIVED_AT, answer.receivedAt().atOffset(ZoneOffset.UTC))
                .set(SNAPSHOT.TIME, parsed.sourceTime() == null ? null : parsed.sourceTime().atOffset(ZoneOffset.UTC))
                .set(SNAPSHOT.CLOCK_SKEW_SEC, ClockSkew.seconds(answer.receivedAt(), parsed.observedAt()))
                .set(SNAPSHOT.HTTP_STATUS, answer.httpStatus() == null ? null : answer.httpStatus().shortValue())
                .set(SNAPSHOT.LATENCY_MS, answer.latencyMs())
                .set(SNAPSHOT.PAYLOAD_HASH, hash)
                .set(SNAPSHOT.AGENT_COUNT, parsed.agents().size())
                .set(SNAPSHOT.REJECTED_COUNT, parsed.rejections().size())
                .set(SNAPSHOT.SUCCESS, true)
                .set(SNAPSHOT.ENTRIES_SUCCESS, parsed.entriesSuccess())
                .set(SNAPSHOT.ENTRIES_CODE, parsed.entriesCode())
                .set(SNAPSHOT.OUT_OF_FUNDS, parsed.outOfFunds())
                .set(SNAPSHOT.AVAILABLE_AGENTS, parsed.availableAgents())
                .set(SNAPSHOT.LOGGED_IN_AGENTS, parsed.loggedInAgents())
                .set(SNAPSHOT.CAMPAIGNS, jsonb(parsed.campaignsJson()))
                .set(SNAPSHOT.QUEUES, jsonb(parsed.queuesJson()))
                .set(SNAPSHOT.CALL_DATA, jsonb(parsed.callDataJson()))
                .onConflictOnConstraint(io.convosowarehouse.db.warehouse.Keys.SNAPSHOT_ONCE)
                .doNothing()
                .returning(SNAPSHOT.SNAPSHOT_ID)
                .fetchOptional(SNAPSHOT.SNAPSHOT_ID)
                .orElse(null);
    }

    private static void insertCounters(DSLContext tx, short accountId, long snapshotId, OffsetDateTime observedAt,
            Scope scope, ParsedAnswer parsed) {
        if (parsed.campaignCounters() != null) {
            var row = tx.newRecord(CAMPAIGN_STATS);
            setColumns(row, CounterFields.CAMPAIGN, parsed.campaignCounters());
            row.setSnapshotId(snapshotId);
            row.setObservedAt(observedAt);
            row.setAccountId(accountId);
            if (row.getCampaignId() == null && scope.kind() == Scope.Kind.CAMPAIGN) {
                row.setCampaignId(Long.valueOf(scope.id()));
            }
            row.insert();
        }
        if (parsed.queueCounters() != null) {
            var row = tx.newRecord(QUEUE_STATS);
            setColumns(row, CounterFields.QUEUE, parsed.queueCounters());
            row.setSnapshotId(snapshotId);
            row.setObservedAt(observedAt);
            row.setAccountId(accountId);
            row.setQueueId(scope.kind() == Scope.Kind.QUEUE ? Long.valueOf(scope.id()) : null);
            row.insert();
        }
    }

    /** Each field of the block into its column of the counters table. */
    private static void setColumns(TableRecord<?> row, FieldBlock block, FieldValues values) {
        for (ApiField<?> field : block.fields()) {
            Field<?> column = row.field(field.column());
            if (column == null) {
                throw new IllegalStateException(row.getTable().getName() + " has no column for API field " + field);
            }
            set(row, column, values.get(field));
        }
    }

    private static <T> void set(TableRecord<?> row, Field<T> column, Object value) {
        row.set(column, column.getDataType().convert(value));
    }

    private static void insertRejections(DSLContext tx, short accountId, Instant receivedAt, Long rawPayloadId,
            Long snapshotId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(REJECTED_RECORD, REJECTED_RECORD.ACCOUNT_ID, REJECTED_RECORD.RECEIVED_AT,
                REJECTED_RECORD.RAW_PAYLOAD_ID, REJECTED_RECORD.SNAPSHOT_ID, REJECTED_RECORD.JSON_PATH,
                REJECTED_RECORD.REASON, REJECTED_RECORD.FRAGMENT);
        for (Rejection rejection : rejections) {
            insert = insert.values(accountId, receivedAt.atOffset(ZoneOffset.UTC), rawPayloadId, snapshotId,
                    rejection.jsonPath(), rejection.reason(), rejection.fragment());
        }
        insert.execute();
    }

    private static void recordUnknownFields(DSLContext tx, Instant receivedAt, Long rawPayloadId, List<UnknownField> fields) {
        for (UnknownField unknown : fields) {
            tx.insertInto(SCHEMA_DRIFT)
                    .set(SCHEMA_DRIFT.JSON_PATH, unknown.jsonPath())
                    .set(SCHEMA_DRIFT.JSON_TYPE, unknown.jsonType())
                    .set(SCHEMA_DRIFT.FIRST_SEEN_AT, receivedAt.atOffset(ZoneOffset.UTC))
                    .set(SCHEMA_DRIFT.EXAMPLE_VALUE, unknown.exampleValue())
                    .set(SCHEMA_DRIFT.FIRST_RAW_PAYLOAD_ID, rawPayloadId)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    private static JSONB jsonb(String json) {
        return json == null ? null : JSONB.valueOf(json);
    }
}
