package io.convosowarehouse.simulator.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays out one agent's session for one day: READY (sometimes WAIT) → INCALL → (DEAD) → DISPO cycles
 * around the planned pauses. Seeded by (seed, day, agent) only, so any day can be regenerated alone.
 */
public final class TimelineGenerator {

    private static final double INBOUND_SHARE = 0.25;
    private static final double DROP_CHANCE = 0.12;
    private static final double ABANDON_CHANCE = 0.05;
    private static final double MANUAL_CHANCE = 0.02;

    private final long seed;

    public TimelineGenerator(long seed) {
        this.seed = seed;
    }

    public AgentTimeline generate(AgentProfile agent, LocalDate date) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, date.toEpochDay(), agent.index()));
        ShiftPlan plan = ShiftPlanner.plan(agent, date, random);
        Session session = new Session(plan.login());
        // Guarantees every session has an inbound call, so "last inbound call" always has an answer.
        int forcedInboundCall = random.nextInt(3);
        int pauseIndex = 0;
        while (session.now < plan.plannedLogout()) {
            if (pauseIndex < plan.pauses().size() && session.now >= plan.pauses().get(pauseIndex).notBefore()) {
                ShiftPlan.PlannedPause pause = plan.pauses().get(pauseIndex++);
                session.add(AgentStatus.PAUSED, pause.label(), pause.length(), null);
                continue;
            }
            session.add(AgentStatus.READY, AgentStatus.READY.label(), skewed(random, 5, 120), null);
            if (random.nextDouble() < 0.35) {
                session.add(AgentStatus.WAIT, AgentStatus.WAIT.label(), random.nextLong(1, 7), null);
            }
            boolean inbound = agent.inboundOnly() || random.nextDouble() < INBOUND_SHARE
                    || (!session.hadInbound && session.calls.size() == forcedInboundCall);
            long talk = skewed(random, 30, 600);
            session.addCall(call(agent, random, inbound, session.now, talk));
            if (random.nextDouble() < 0.2) {
                session.add(AgentStatus.DEAD, AgentStatus.DEAD.label(), random.nextLong(2, 9), null);
            }
            session.add(AgentStatus.DISPO, AgentStatus.DISPO.label(), random.nextLong(5, 61), null);
        }
        return new AgentTimeline(session.spans, session.calls);
    }

    private static CallRecord call(AgentProfile agent, SplittableRandom random, boolean inbound, long start,
                                   long talk) {
        String leadId = String.valueOf(random.nextLong(1_000_000, 99_999_999));
        String callLogId = String.valueOf(random.nextLong(100_000_000, 9_999_999_999L));
        if (inbound) {
            CallQueue queue = agent.queues().get(random.nextInt(agent.queues().size()));
            return new CallRecord(start, start + talk, true, queue, leadId, callLogId, 1,
                    random.nextDouble() < ABANDON_CHANCE, false);
        }
        boolean manual = random.nextDouble() < MANUAL_CHANCE;
        int attempts = manual ? 1 : random.nextInt(3, 15);
        boolean dropped = !manual && random.nextDouble() < DROP_CHANCE;
        return new CallRecord(start, start + talk, false, null, leadId, callLogId, attempts, dropped, manual);
    }

    /** Mostly short with a long tail, like real ready gaps and talk times. */
    private static long skewed(SplittableRandom random, long min, long max) {
        double r = random.nextDouble();
        return min + Math.round((max - min) * r * r);
    }

    /** The session under construction; spans are appended back to back. */
    private static final class Session {
        private final List<StateSpan> spans = new ArrayList<>();
        private final List<CallRecord> calls = new ArrayList<>();
        private long now;
        private boolean hadInbound;

        Session(long login) {
            this.now = login;
        }

        void add(AgentStatus status, String label, long length, CallRecord call) {
            spans.add(new StateSpan(status, label, now, now + length, call));
            now += length;
        }

        void addCall(CallRecord call) {
            calls.add(call);
            hadInbound |= call.inbound();
            add(AgentStatus.INCALL, AgentStatus.INCALL.label(), call.end() - call.start(), call);
        }
    }
}
