package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.AGENT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;
import static io.convosowarehouse.db.warehouse.Tables.CAMPAIGN;
import static io.convosowarehouse.db.warehouse.Tables.LABEL;
import static io.convosowarehouse.db.warehouse.Tables.QUEUE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row5;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;

import io.convosowarehouse.parse.AgentRow;
import io.convosowarehouse.parse.NamedId;
import io.convosowarehouse.parse.ParsedAnswer;

/**
 * Keeps the agent, campaign and queue dimensions current. A new name adds a row (history is kept);
 * last_seen_at only moves in steps of 15 minutes or more, so a minute-by-minute poll does not
 * rewrite thousands of dimension rows every minute.
 */
final class Dimensions {

    /** The shape the three named dimensions share. */
    private record NamedDimension<R extends org.jooq.Record>(Table<R> table, UniqueKey<R> key,
            TableField<R, Short> accountId, TableField<R, Long> id, TableField<R, String> name,
            TableField<R, OffsetDateTime> firstSeenAt, TableField<R, OffsetDateTime> lastSeenAt) {
    }

    private static final NamedDimension<?> AGENTS = new NamedDimension<>(AGENT, io.convosowarehouse.db.warehouse.Keys.AGENT_PK,
            AGENT.ACCOUNT_ID, AGENT.USER_ID, AGENT.USER_FULL_NAME, AGENT.FIRST_SEEN_AT, AGENT.LAST_SEEN_AT);
    private static final NamedDimension<?> CAMPAIGNS = new NamedDimension<>(CAMPAIGN,
            io.convosowarehouse.db.warehouse.Keys.CAMPAIGN_PK, CAMPAIGN.ACCOUNT_ID, CAMPAIGN.CAMPAIGN_ID,
            CAMPAIGN.CAMPAIGN_NAME, CAMPAIGN.FIRST_SEEN_AT, CAMPAIGN.LAST_SEEN_AT);
    private static final NamedDimension<?> QUEUES = new NamedDimension<>(QUEUE, io.convosowarehouse.db.warehouse.Keys.QUEUE_PK,
            QUEUE.ACCOUNT_ID, QUEUE.QUEUE_ID, QUEUE.QUEUE_NAME, QUEUE.FIRST_SEEN_AT, QUEUE.LAST_SEEN_AT);

    private Dimensions() {
    }

    static void update(DSLContext tx, short accountId, long snapshotId, OffsetDateTime observedAt, ParsedAnswer answer) {
        upsertAgentsFromSnapshot(tx, snapshotId, observedAt);
        Set<NamedId> campaigns = new LinkedHashSet<>(answer.campaigns());
        Set<NamedId> queues = new LinkedHashSet<>(answer.queues());
        for (AgentRow agent : answer.agents()) {
            if (agent.campaignId() != null && agent.campaignName() != null) {
                campaigns.add(new NamedId(agent.campaignId(), agent.campaignName()));
            }
            if (agent.queueId() != null && agent.queueName() != null) {
                queues.add(new NamedId(agent.queueId(), agent.queueName()));
            }
        }
        upsert(tx, CAMPAIGNS, accountId, observedAt, campaigns);
        upsert(tx, QUEUES, accountId, observedAt, queues);
    }

    /**
     * Agents come straight from the rows just copied: one statement, however many agents. Those whose row needs no
     * change are left out before the upsert, which would otherwise lock (and so write) each of them every poll.
     */
    private static void upsertAgentsFromSnapshot(DSLContext tx, long snapshotId, OffsetDateTime observedAt) {
        Field<String> name = coalesce(LABEL.VALUE, inline(""));
        tx.insertInto(AGENT, AGENT.ACCOUNT_ID, AGENT.USER_ID, AGENT.USER_FULL_NAME, AGENT.FIRST_SEEN_AT, AGENT.LAST_SEEN_AT)
                .select(select(AGENT_SNAPSHOT.ACCOUNT_ID, AGENT_SNAPSHOT.USER_ID, name,
                        AGENT_SNAPSHOT.OBSERVED_AT, AGENT_SNAPSHOT.OBSERVED_AT)
                        .from(AGENT_SNAPSHOT)
                        .leftJoin(LABEL).on(LABEL.LABEL_ID.eq(AGENT_SNAPSHOT.USER_FULL_NAME_REF))
                        .where(AGENT_SNAPSHOT.SNAPSHOT_ID.eq(snapshotId))
                        .and(AGENT_SNAPSHOT.OBSERVED_AT.eq(observedAt))
                        .andNotExists(selectOne()
                                .from(AGENT)
                                .where(AGENT.ACCOUNT_ID.eq(AGENT_SNAPSHOT.ACCOUNT_ID))
                                .and(AGENT.USER_ID.eq(AGENT_SNAPSHOT.USER_ID))
                                .and(AGENT.USER_FULL_NAME.eq(name))
                                .and(covers(AGENT.FIRST_SEEN_AT, AGENT.LAST_SEEN_AT, AGENT_SNAPSHOT.OBSERVED_AT))))
                .onConflictOnConstraint(io.convosowarehouse.db.warehouse.Keys.AGENT_PK)
                .doUpdate()
                .set(AGENT.FIRST_SEEN_AT, least(AGENT.FIRST_SEEN_AT, excluded(AGENT.FIRST_SEEN_AT)))
                .set(AGENT.LAST_SEEN_AT, greatest(AGENT.LAST_SEEN_AT, excluded(AGENT.LAST_SEEN_AT)))
                .where(not(covers(AGENT.FIRST_SEEN_AT, AGENT.LAST_SEEN_AT, excluded(AGENT.LAST_SEEN_AT))))
                .execute();
    }

    private static <R extends org.jooq.Record> void upsert(DSLContext tx, NamedDimension<R> dimension, short accountId,
            OffsetDateTime observedAt, Set<NamedId> named) {
        if (named.isEmpty()) {
            return;
        }
        List<Row5<Short, Long, String, OffsetDateTime, OffsetDateTime>> rows = new ArrayList<>(named.size());
        named.forEach(n -> rows.add(row(accountId, n.id(), n.name(), observedAt, observedAt)));
        tx.insertInto(dimension.table(), dimension.accountId(), dimension.id(), dimension.name(), dimension.firstSeenAt(),
                        dimension.lastSeenAt())
                .valuesOfRows(rows)
                .onConflictOnConstraint(dimension.key())
                .doUpdate()
                .set(dimension.firstSeenAt(), least(dimension.firstSeenAt(), excluded(dimension.firstSeenAt())))
                .set(dimension.lastSeenAt(), greatest(dimension.lastSeenAt(), excluded(dimension.lastSeenAt())))
                .where(not(covers(dimension.firstSeenAt(), dimension.lastSeenAt(), excluded(dimension.lastSeenAt()))))
                .execute();
    }

    /**
     * Whether a dimension row already stands for a sighting at {@code seenAt}: seen first no later, and last no more
     * than 15 minutes before. Such a row is left as it is. The difference of two instants is IMMUTABLE, where an
     * instant plus an interval is only STABLE, which Citus refuses in an ON CONFLICT WHERE.
     */
    private static Condition covers(Field<OffsetDateTime> firstSeenAt, Field<OffsetDateTime> lastSeenAt,
            Field<OffsetDateTime> seenAt) {
        return firstSeenAt.le(seenAt).and(condition("{0} - {1} <= interval '15 minutes'", seenAt, lastSeenAt));
    }
}
