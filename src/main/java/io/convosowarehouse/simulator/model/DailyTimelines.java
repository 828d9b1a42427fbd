package io.convosowarehouse.simulator.model;

import io.convosowarehouse.simulator.clock.LocalSeconds;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every agent's sessions, one per calendar day (the day the session starts), generated on first use and
 * kept for a week around the days in use; lookups at a time combine the sessions that can touch it.
 */
public final class DailyTimelines {

    /** A night session starts the day before; two days back always holds a finished session. */
    private static final int DAYS_TO_LOOK_BACK = 2;
    private static final int DAYS_KEPT = 7;

    private final TimelineGenerator generator;
    private final Map<AgentDay, AgentTimeline> timelines = new ConcurrentHashMap<>();
    /** The days with timelines kept, so that eviction runs once per new day, not once per agent-day. */
    private final Set<LocalDate> days = ConcurrentHashMap.newKeySet();

    public DailyTimelines(long seed) {
        this.generator = new TimelineGenerator(seed);
    }

    AgentTimeline timeline(AgentProfile agent, LocalDate date) {
        AgentDay key = new AgentDay(agent.index(), date);
        AgentTimeline cached = timelines.get(key);
        if (cached != null) {
            return cached;
        }
        // Two threads may both generate the same day; they get identical timelines, so either may win.
        AgentTimeline generated = generator.generate(agent, date);
        timelines.put(key, generated);
        // A long fast-forwarded run would otherwise keep every day; an evicted day is simply regenerated.
        // Scanning the map at every generation would make an answer's first use quadratic in the agents.
        if (days.add(date)) {
            days.removeIf(day -> Math.abs(ChronoUnit.DAYS.between(day, date)) > DAYS_KEPT);
            timelines.keySet().removeIf(day -> Math.abs(ChronoUnit.DAYS.between(day.date(), date)) > DAYS_KEPT);
        }
        return generated;
    }

    public Optional<AgentSnapshot> snapshot(AgentProfile agent, long now) {
        LocalDate today = LocalSeconds.dateOf(now);
        return sessionsStartingFrom(agent, today.minusDays(1), today).stream()
                .filter(session -> session.isLoggedInAt(now))
                .findFirst()
                .map(session -> new AgentSnapshot(agent, now, session.login(), session.spanAt(now),
                        session.totalsUntil(now), callsToday(agent, now).size(),
                        latest(agent, now, call -> call.start() <= now),
                        latest(agent, now, call -> call.end() <= now),
                        latest(agent, now, call -> call.inbound() && call.start() <= now),
                        latest(agent, now, call -> call.inbound() && call.end() <= now)));
    }

    public AgentDayActivity activityToday(AgentProfile agent, long now) {
        LocalDate today = LocalSeconds.dateOf(now);
        long midnight = LocalSeconds.midnightOf(today);
        StateTotals totals = StateTotals.ZERO;
        int sessions = 0;
        for (AgentTimeline session : sessionsStartingFrom(agent, today.minusDays(1), today)) {
            if (session.login() <= now && session.logout() > midnight) {
                totals = totals.plus(session.totalsUntil(now).minus(session.totalsUntil(midnight)));
                sessions++;
            }
        }
        return new AgentDayActivity(agent, totals, callsToday(agent, now), sessions);
    }

    private List<CallRecord> callsToday(AgentProfile agent, long now) {
        LocalDate today = LocalSeconds.dateOf(now);
        long midnight = LocalSeconds.midnightOf(today);
        List<CallRecord> calls = new ArrayList<>();
        for (AgentTimeline session : sessionsStartingFrom(agent, today.minusDays(1), today)) {
            session.calls().stream()
                    .filter(call -> call.start() >= midnight && call.start() <= now)
                    .forEach(calls::add);
        }
        return calls;
    }

    private CallRecord latest(AgentProfile agent, long now, Predicate<CallRecord> condition) {
        LocalDate today = LocalSeconds.dateOf(now);
        List<AgentTimeline> sessions = sessionsStartingFrom(agent, today.minusDays(DAYS_TO_LOOK_BACK), today);
        for (int s = sessions.size() - 1; s >= 0; s--) {
            List<CallRecord> calls = sessions.get(s).calls();
            for (int c = calls.size() - 1; c >= 0; c--) {
                if (condition.test(calls.get(c))) {
                    return calls.get(c);
                }
            }
        }
        return null;
    }

    private List<AgentTimeline> sessionsStartingFrom(AgentProfile agent, LocalDate first, LocalDate last) {
        List<AgentTimeline> sessions = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            sessions.add(timeline(agent, date));
        }
        return sessions;
    }

    private record AgentDay(int agentIndex, LocalDate date) {
    }
}
