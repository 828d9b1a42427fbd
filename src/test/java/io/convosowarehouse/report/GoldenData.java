package io.convosowarehouse.report;

import static io.convosowarehouse.db.ingest.Tables.REJECTED_RECORD;
import static io.convosowarehouse.db.warehouse.Tables.ACCOUNT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_CALL;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_SHIFT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_SNAPSHOT;
import static io.convosowarehouse.db.warehouse.Tables.AGENT_STATE_INTERVAL;
import static io.convosowarehouse.db.warehouse.Tables.CAMPAIGN;
import static io.convosowarehouse.db.warehouse.Tables.CAMPAIGN_STATS;
import static io.convosowarehouse.db.warehouse.Tables.LABEL;
import static io.convosowarehouse.db.warehouse.Tables.QUEUE;
import static io.convosowarehouse.db.warehouse.Tables.QUEUE_STATS;
import static io.convosowarehouse.db.warehouse.Tables.SNAPSHOT;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;

import io.convosowarehouse.db.warehouse.Routines;

/**
 * Hand-made history of account "acme" (America/Los_Angeles) small enough to compute every report
 * by hand. Times are written in UTC; the comments give the local time (PDT = UTC-7, PST = UTC-8).
 *
 * <pre>
 * 2025-05-28 (Wednesday, PDT)
 *   Ann 101  09:00 READY, 09:10 INCALL, 09:25 DISPO, 09:30 PAUSED, 09:50 READY, 10:00 logout (3 calls)
 *            one call seen: outbound, campaign 55, 09:10 to 09:25
 *   Bob 102  09:15 READY, 09:20 PAUSED, 09:22 INCALL, 09:45 logout (2 calls)
 *            one call seen: inbound, queue 7, from 09:22, its end unknown (logout)
 *            23:30 READY, 23:50 PAUSED (over midnight), 00:20 READY, 00:30 logout
 *   Cy  103  14:00 PAUSED, ended by a polling gap at 14:20; 14:40 READY, 15:00 logout
 *   account answers 09:00, 09:30, 10:05 (source clock), 23:50, then 00:10 on the 29th after the
 *   midnight reset; one failed account poll at 09:45; campaign 55 and queue 7 answers at 09:00,
 *   09:30 and 10:05/10:10; the campaign's 10:05 answer was received an hour early (clock skew 3600).
 * 2025-11-02 (fall back: 01:00-02:00 twice)  Cy READY 00:30 PDT to 03:00 PST (3.5 hours)
 * 2025-03-09 (spring forward: no 02:00)      Cy READY 01:30 PST to 03:30 PDT (1 hour)
 * </pre>
 */
final class GoldenData {

    static final String ACCOUNT_NAME = "acme";

    private final DSLContext dsl;
    private final Map<String, Integer> statusRefs = new HashMap<>();
    private short accountId;

    private GoldenData(DSLContext dsl) {
        this.dsl = dsl;
    }

    static void load(DSLContext dsl) {
        new GoldenData(dsl).loadAll();
    }

    private void loadAll() {
        dsl.select(Routines.ensurePartitions(utc("2025-03-01 00:00"), utc("2025-12-01 00:00"))).fetch();
        accountId = dsl.insertInto(ACCOUNT, ACCOUNT.ACCOUNT_NAME, ACCOUNT.TIME_ZONE)
                .values(ACCOUNT_NAME, "America/Los_Angeles")
                .returning(ACCOUNT.ACCOUNT_ID)
                .fetchOne(ACCOUNT.ACCOUNT_ID);
        // a second account in another zone with nothing in it: --account acme must leave it out
        dsl.insertInto(ACCOUNT, ACCOUNT.ACCOUNT_NAME, ACCOUNT.TIME_ZONE).values("elsewhere", "Europe/London").execute();
        for (String status : new String[] {"READY", "INCALL", "DISPO", "PAUSED"}) {
            statusRefs.put(status, dsl.insertInto(LABEL, LABEL.FIELD, LABEL.VALUE)
                    .values("status", status)
                    .returning(LABEL.LABEL_ID)
                    .fetchOne(LABEL.LABEL_ID));
        }
        agent(101, "Ann Agent");
        agent(102, "Bob Baker");
        agent(103, "Cy Night");
        dsl.insertInto(CAMPAIGN).values(accountId, 55L, "Solar Leads", utc("2025-05-28 16:00"), utc("2025-05-28 17:05")).execute();
        dsl.insertInto(QUEUE).values(accountId, 7L, "Support", utc("2025-05-28 16:00"), utc("2025-05-28 17:10")).execute();
        intervals();
        shifts();
        calls();
        answers();
        // as autovacuum would have: without statistics the planner guesses hundreds of accounts and
        // spends seconds JIT-compiling plans for a handful of rows
        dsl.execute("analyze");
    }

    private void agent(long userId, String name) {
        dsl.insertInto(AGENT).values(accountId, userId, name, utc("2025-03-09 09:30"), utc("2025-11-02 11:00")).execute();
    }

    private void intervals() {
        // Ann, 09:00-10:00 PDT
        interval(101, "READY", "2025-05-28 16:00", "2025-05-28 16:10", "state_change", "2025-05-28 16:00");
        interval(101, "INCALL", "2025-05-28 16:10", "2025-05-28 16:25", "state_change", "2025-05-28 16:00");
        interval(101, "DISPO", "2025-05-28 16:25", "2025-05-28 16:30", "state_change", "2025-05-28 16:00");
        interval(101, "PAUSED", "2025-05-28 16:30", "2025-05-28 16:50", "state_change", "2025-05-28 16:00");
        interval(101, "READY", "2025-05-28 16:50", "2025-05-28 17:00", "logout", "2025-05-28 16:00");
        // Bob, 09:15-09:45 PDT, then 23:30-00:30 over midnight
        interval(102, "READY", "2025-05-28 16:15", "2025-05-28 16:20", "state_change", "2025-05-28 16:15");
        interval(102, "PAUSED", "2025-05-28 16:20", "2025-05-28 16:22", "state_change", "2025-05-28 16:15");
        interval(102, "INCALL", "2025-05-28 16:22", "2025-05-28 16:45", "logout", "2025-05-28 16:15");
        interval(102, "READY", "2025-05-29 06:30", "2025-05-29 06:50", "state_change", "2025-05-29 06:30");
        interval(102, "PAUSED", "2025-05-29 06:50", "2025-05-29 07:20", "state_change", "2025-05-29 06:30");
        interval(102, "READY", "2025-05-29 07:20", "2025-05-29 07:30", "logout", "2025-05-29 06:30");
        // Cy, 14:00 PDT paused until polling stopped at 14:20; back 14:40-15:00
        interval(103, "PAUSED", "2025-05-28 21:00", "2025-05-28 21:20", "gap", "2025-05-28 21:00");
        interval(103, "READY", "2025-05-28 21:40", "2025-05-28 22:00", "logout", "2025-05-28 21:40");
        // Cy over the DST changes
        interval(103, "READY", "2025-11-02 07:30", "2025-11-02 11:00", "logout", "2025-11-02 07:30");
        interval(103, "READY", "2025-03-09 09:30", "2025-03-09 10:30", "logout", "2025-03-09 09:30");
    }

    private void interval(long userId, String status, String start, String end, String endReason, String login) {
        dsl.insertInto(AGENT_STATE_INTERVAL)
                .set(AGENT_STATE_INTERVAL.ACCOUNT_ID, accountId)
                .set(AGENT_STATE_INTERVAL.USER_ID, userId)
                .set(AGENT_STATE_INTERVAL.STARTED_AT, utc(start))
                .set(AGENT_STATE_INTERVAL.ENDED_AT, utc(end))
                .set(AGENT_STATE_INTERVAL.END_REASON, endReason)
                .set(AGENT_STATE_INTERVAL.STATUS_REF, statusRefs.get(status))
                .set(AGENT_STATE_INTERVAL.SHIFT_LOGIN_AT, utc(login))
                .set(AGENT_STATE_INTERVAL.FIRST_SEEN_AT, utc(start))
                .set(AGENT_STATE_INTERVAL.LAST_SEEN_AT, utc(end))
                .execute();
    }

    private void shifts() {
        shift(101, "2025-05-28 16:00", "2025-05-28 17:00", "logout", 1200, 900, 300, 1200, 3);
        shift(102, "2025-05-28 16:15", "2025-05-28 16:45", "logout", 300, 1380, 0, 120, 2);
        shift(102, "2025-05-29 06:30", "2025-05-29 07:30", "logout", 1800, 0, 0, 1800, 0);
        shift(103, "2025-05-28 21:00", "2025-05-28 21:20", "gap", 0, 0, 0, 1200, 0);
        shift(103, "2025-05-28 21:40", "2025-05-28 22:00", "logout", 1200, 0, 0, 0, 0);
        shift(103, "2025-11-02 07:30", "2025-11-02 11:00", "logout", 12600, 0, 0, 0, 0);
        shift(103, "2025-03-09 09:30", "2025-03-09 10:30", "logout", 3600, 0, 0, 0, 0);
    }

    private void shift(long userId, String login, String logout, String endReason, int readySec, int incallSec, int dispoSec,
            int pausedSec, int calls) {
        dsl.insertInto(AGENT_SHIFT)
                .set(AGENT_SHIFT.ACCOUNT_ID, accountId)
                .set(AGENT_SHIFT.USER_ID, userId)
                .set(AGENT_SHIFT.LOGIN_AT, utc(login))
                .set(AGENT_SHIFT.LOGOUT_AT, utc(logout))
                .set(AGENT_SHIFT.END_REASON, endReason)
                .set(AGENT_SHIFT.LAST_SEEN_AT, utc(logout))
                .set(AGENT_SHIFT.READY_SEC, readySec)
                .set(AGENT_SHIFT.INCALL_SEC, incallSec)
                .set(AGENT_SHIFT.DISPO_SEC, dispoSec)
                .set(AGENT_SHIFT.PAUSED_SEC, pausedSec)
                .set(AGENT_SHIFT.CALLS_HANDLED, calls)
                .execute();
    }

    private void calls() {
        dsl.insertInto(AGENT_CALL)
                .set(AGENT_CALL.ACCOUNT_ID, accountId)
                .set(AGENT_CALL.USER_ID, 101L)
                .set(AGENT_CALL.STARTED_AT, utc("2025-05-28 16:10"))
                .set(AGENT_CALL.CALL_LOG_ID, 5001L)
                .set(AGENT_CALL.ENDED_AT, utc("2025-05-28 16:25"))
                .set(AGENT_CALL.END_REASON, "finished")
                .set(AGENT_CALL.TALK_SEC, 900)
                .set(AGENT_CALL.DIRECTION, "outbound")
                .set(AGENT_CALL.CAMPAIGN_ID, 55L)
                .set(AGENT_CALL.LEAD_ID, 9001L)
                .set(AGENT_CALL.SHIFT_LOGIN_AT, utc("2025-05-28 16:00"))
                .set(AGENT_CALL.FIRST_SEEN_AT, utc("2025-05-28 16:11"))
                .set(AGENT_CALL.ENDED_SEEN_AT, utc("2025-05-28 16:26"))
                .execute();
        dsl.insertInto(AGENT_CALL)
                .set(AGENT_CALL.ACCOUNT_ID, accountId)
                .set(AGENT_CALL.USER_ID, 102L)
                .set(AGENT_CALL.STARTED_AT, utc("2025-05-28 16:22"))
                .set(AGENT_CALL.CALL_LOG_ID, 5002L)
                .set(AGENT_CALL.END_REASON, "logout")
                .set(AGENT_CALL.DIRECTION, "inbound")
                .set(AGENT_CALL.CAMPAIGN_ID, 55L)
                .set(AGENT_CALL.QUEUE_ID, 7L)
                .set(AGENT_CALL.LEAD_ID, 9002L)
                .set(AGENT_CALL.SHIFT_LOGIN_AT, utc("2025-05-28 16:15"))
                .set(AGENT_CALL.FIRST_SEEN_AT, utc("2025-05-28 16:23"))
                .set(AGENT_CALL.ENDED_SEEN_AT, utc("2025-05-28 16:46"))
                .execute();
    }

    private void answers() {
        // account-wide answers: campaign counters (calls, answered, dropped, dialable, hopper, waiting) and queue counters
        long s1 = answer("account", "", "2025-05-28 16:00", Duration.ZERO);
        campaignStats(s1, null, 100, 40, 2, 5000L, 300, 1);
        queueStats(s1, null, 50, 45, 5);
        long s2 = answer("account", "", "2025-05-28 16:30", Duration.ZERO);
        campaignStats(s2, null, 130, 52, 3, 4990L, 280, 3);
        queueStats(s2, null, 80, 70, 8);
        long s3 = answer("account", "", "2025-05-28 17:05", Duration.ZERO);
        campaignStats(s3, null, 160, 60, 5, 4980L, 260, 0);
        queueStats(s3, null, 90, 79, 9);
        long s4 = answer("account", "", "2025-05-29 06:50", Duration.ZERO);
        campaignStats(s4, null, 500, 200, 10, 4000L, 50, 0);
        queueStats(s4, null, 200, 180, 15);
        // 00:10 on the 29th: the counters were reset at local midnight
        long s5 = answer("account", "", "2025-05-29 07:10", Duration.ZERO);
        campaignStats(s5, null, 12, 5, 1, 4500L, 500, 0);
        queueStats(s5, null, 3, 3, 0);

        campaignStats(answer("campaign", "55", "2025-05-28 16:00", Duration.ZERO), 55L, 60, 20, 1, 2000L, 100, 0);
        campaignStats(answer("campaign", "55", "2025-05-28 16:30", Duration.ZERO), 55L, 80, 28, 2, 1990L, 90, 0);
        campaignStats(answer("campaign", "55", "2025-05-28 17:05", Duration.ofHours(1)), 55L, 95, 30, 4, 1985L, 80, 0);

        long q1 = answer("queue", "7", "2025-05-28 16:00", Duration.ZERO);
        campaignStats(q1, null, 0, 0, 0, null, null, 2);
        queueStats(q1, 7L, 50, 45, 5);
        long q2 = answer("queue", "7", "2025-05-28 16:30", Duration.ZERO);
        campaignStats(q2, null, 0, 0, 0, null, null, 4);
        queueStats(q2, 7L, 80, 70, 8);
        long q3 = answer("queue", "7", "2025-05-28 17:10", Duration.ZERO);
        campaignStats(q3, null, 0, 0, 0, null, null, 1);
        queueStats(q3, 7L, 90, 79, 9);

        // 09:45: the account call brought no answer; 09:50: one agent of an answer rejected (not a failed poll)
        dsl.insertInto(REJECTED_RECORD, REJECTED_RECORD.ACCOUNT_ID, REJECTED_RECORD.RECEIVED_AT, REJECTED_RECORD.JSON_PATH,
                        REJECTED_RECORD.REASON)
                .values(accountId, utc("2025-05-28 16:45"), "$", "no answer for scope account: connect timed out")
                .values(accountId, utc("2025-05-28 16:50"), "data.entries.agents[2]", "user_id is not a number")
                .execute();

        // in the 09:30 answer Bob's screen had not updated for 15 minutes: a stale agent
        dsl.insertInto(AGENT_SNAPSHOT, AGENT_SNAPSHOT.SNAPSHOT_ID, AGENT_SNAPSHOT.OBSERVED_AT, AGENT_SNAPSHOT.ACCOUNT_ID,
                        AGENT_SNAPSHOT.USER_ID, AGENT_SNAPSHOT.SINCE_LAST_UPDATE)
                .values(s2, utc("2025-05-28 16:30"), accountId, 101L, 30)
                .values(s2, utc("2025-05-28 16:30"), accountId, 102L, 900)
                .execute();
    }

    /** An answer observed at {@code observed} (source clock) and received {@code early} before it. */
    private long answer(String scopeKind, String scopeId, String observed, Duration early) {
        OffsetDateTime observedAt = utc(observed);
        return dsl.insertInto(SNAPSHOT)
                .set(SNAPSHOT.ACCOUNT_ID, accountId)
                .set(SNAPSHOT.SCOPE_KIND, scopeKind)
                .set(SNAPSHOT.SCOPE_ID, scopeId)
                .set(SNAPSHOT.OBSERVED_AT, observedAt)
                .set(SNAPSHOT.RECEIVED_AT, observedAt.minus(early))
                .set(SNAPSHOT.CLOCK_SKEW_SEC, (int) early.toSeconds())
                .set(SNAPSHOT.PAYLOAD_HASH, ByteBuffer.allocate(16).putLong(observedAt.toEpochSecond()).put(scopeKind.getBytes()).array())
                .set(SNAPSHOT.AGENT_COUNT, 0)
                .set(SNAPSHOT.REJECTED_COUNT, 0)
                .set(SNAPSHOT.SUCCESS, true)
                .returning(SNAPSHOT.SNAPSHOT_ID)
                .fetchOne(SNAPSHOT.SNAPSHOT_ID);
    }

    private void campaignStats(long snapshotId, Long campaignId, int calls, int answered, int dropped, Long dialable,
            Integer hopper, int waitingIn) {
        dsl.insertInto(CAMPAIGN_STATS)
                .set(CAMPAIGN_STATS.SNAPSHOT_ID, snapshotId)
                .set(CAMPAIGN_STATS.OBSERVED_AT, observedAt(snapshotId))
                .set(CAMPAIGN_STATS.ACCOUNT_ID, accountId)
                .set(CAMPAIGN_STATS.CAMPAIGN_ID, campaignId)
                .set(CAMPAIGN_STATS.CALLS_TODAY, calls)
                .set(CAMPAIGN_STATS.ANSWERED, answered)
                .set(CAMPAIGN_STATS.DROPPED, dropped)
                .set(CAMPAIGN_STATS.DIALABLE_LEADS, dialable)
                .set(CAMPAIGN_STATS.HOPPER, hopper)
                .set(CAMPAIGN_STATS.CALLS_WAITING_IN, waitingIn)
                .execute();
    }

    private void queueStats(long snapshotId, Long queueId, int calls, int answered, int dropped) {
        dsl.insertInto(QUEUE_STATS)
                .set(QUEUE_STATS.SNAPSHOT_ID, snapshotId)
                .set(QUEUE_STATS.OBSERVED_AT, observedAt(snapshotId))
                .set(QUEUE_STATS.ACCOUNT_ID, accountId)
                .set(QUEUE_STATS.QUEUE_ID, queueId)
                .set(QUEUE_STATS.QUEUE_CALLS_TODAY, calls)
                .set(QUEUE_STATS.QUEUE_ANSWERED, answered)
                .set(QUEUE_STATS.QUEUE_DROPPED, dropped)
                .execute();
    }

    private OffsetDateTime observedAt(long snapshotId) {
        return dsl.select(SNAPSHOT.OBSERVED_AT).from(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.eq(snapshotId)).fetchOne(SNAPSHOT.OBSERVED_AT);
    }

    /** "2025-05-28 16:00" read as UTC. */
    static OffsetDateTime utc(String text) {
        return OffsetDateTime.of(java.time.LocalDateTime.parse(text.replace(' ', 'T')), ZoneOffset.UTC);
    }
}
