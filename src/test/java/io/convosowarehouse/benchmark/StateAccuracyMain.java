package io.convosowarehouse.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import io.convosowarehouse.load.LoadOutcome;
import io.convosowarehouse.pipeline.AnswerPipeline;
import io.convosowarehouse.simulator.SimulatorSettings;
import io.convosowarehouse.simulator.clock.LocalSeconds;
import io.convosowarehouse.simulator.model.AgentProfile;
import io.convosowarehouse.simulator.model.AgentStatus;
import io.convosowarehouse.simulator.model.AgentTimeline;
import io.convosowarehouse.simulator.model.RosterGenerator;
import io.convosowarehouse.simulator.model.StateSpan;
import io.convosowarehouse.simulator.model.TimelineGenerator;
import io.convosowarehouse.testsupport.TestDatabase;

/**
 * How much of the agents' time the warehouse puts in the right state: a simulated day of one account polled
 * through the real pipeline at one-minute and at 15-second polls, each into a fresh database, and every
 * logged-in second of every agent compared with the simulator's own timeline (the truth the answers were
 * written from), by status family (reporting.status_group). Each polling is read twice: the observed
 * intervals alone (reporting.agent_state_interval) and with the inferred stretches
 * (reporting.agent_state_interval_with_inferred). Prints one markdown table. See README.md beside it.
 */
public final class StateAccuracyMain {

    static final LocalDate DAY = LocalDate.of(2025, 5, 28);
    static final int DEFAULT_AGENTS = 50;

    private static final String OBSERVED = """
            select user_id, extract(epoch from started_at)::bigint, extract(epoch from counted_until)::bigint, status_group
            from reporting.agent_state_interval
            """;
    private static final String WITH_INFERRED = """
            select user_id, extract(epoch from started_at)::bigint, extract(epoch from counted_until)::bigint, status_group
            from reporting.agent_state_interval_with_inferred
            """;

    private static final String USAGE = "usage: [--agents N] [--every SECONDSs[,SECONDSs…]] (default: --agents 50 --every 60s,15s)";

    private StateAccuracyMain() {
    }

    /** One polling read one way, against the truth. */
    record Accuracy(String polling, String reading, long loggedInSec, long wrongSec, long truthDispoSec,
            long readDispoSec, long truthIncallSec, long readIncallSec, int pauses, int pausesNeverSeen,
            String largestMisplacements) {

        String markdownRow() {
            return String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f %% | %+.1f %% | %+.1f %% | %d of %d | %s |", polling,
                    reading, loggedInSec / 3600.0, 100.0 * wrongSec / loggedInSec,
                    100.0 * (readDispoSec - truthDispoSec) / truthDispoSec,
                    100.0 * (readIncallSec - truthIncallSec) / truthIncallSec, pausesNeverSeen, pauses, largestMisplacements);
        }
    }

    /** A paused stretch of the truth, in epoch seconds. */
    record Pause(long userId, long start, long end) {
    }

    public static void main(String[] args) throws Exception {
        int agents = DEFAULT_AGENTS;
        List<Duration> pollings = List.of(Duration.ofMinutes(1), Duration.ofSeconds(15));
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(args[i + 1]);
                case "--every" -> pollings = Arrays.stream(args[i + 1].split(","))
                        .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.strip().replaceFirst("s$", ""))))
                        .toList();
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SimulatedAccount account = new SimulatedAccount("accuracy", agents);
        ZoneId zone = SimulatedAccount.ZONE;
        long windowStart = DAY.atStartOfDay(zone).toEpochSecond();
        long windowEnd = DAY.plusDays(1).atStartOfDay(zone).toEpochSecond();
        List<Pause> pauses = new ArrayList<>();
        SecondsByState truth = truth(SimulatedAccount.settingsFor(agents), zone, windowStart, windowEnd, pauses);

        List<Accuracy> rows = new ArrayList<>();
        for (Duration every : pollings) {
            String polling = "polls every " + every.toSeconds() + " s";
            try (TestDatabase database = TestDatabase.migrated("state_accuracy");
                    ConfigurableApplicationContext context = BenchmarkContext.start(database, new StatementTimings())) {
                long began = System.nanoTime();
                int answers = poll(context.getBean(AnswerPipeline.class), account, every);
                System.err.printf(Locale.ROOT, "state accuracy: %s, %d answers loaded in %.0f s%n", polling, answers,
                        (System.nanoTime() - began) / 1e9);
                for (String reading : List.of("observed", "observed + inferred")) {
                    String sql = reading.equals("observed") ? OBSERVED : WITH_INFERRED;
                    Accuracy row = compare(polling, reading, truth, read(database, sql, windowStart, windowEnd), pauses);
                    System.err.println("state accuracy: " + row.markdownRow());
                    rows.add(row);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "state accuracy: %d agents, %s local day (%s), run at %s%n%n", agents, DAY, zone,
                Instant.now()));
        out.append("| polling | reading | logged-in h | logged-in time in the wrong state | dispo time | in-call time | pauses never seen"
                + " | largest misplacements (truth as read, share of logged-in time) |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        rows.forEach(row -> out.append(row.markdownRow()).append('\n'));
        System.out.println(out);
    }

    /** Every answer of the day and the next midnight's, received at its own data.time. */
    private static int poll(AnswerPipeline pipeline, SimulatedAccount account, Duration every) {
        int answers = 0;
        LocalDateTime end = DAY.plusDays(1).atStartOfDay();
        for (LocalDateTime at = DAY.atStartOfDay(); !at.isAfter(end); at = at.plus(every)) {
            LoadOutcome outcome = pipeline.process(account.settings(), account.answerAt(at)).outcome();
            if (outcome.kind() != LoadOutcome.Kind.LOADED) {
                throw new IllegalStateException(at + " was not loaded: " + outcome);
            }
            answers++;
        }
        return answers;
    }

    /**
     * The simulator's timeline of every agent over the window: the sessions that began the day before and on the
     * day; where two would overlap, the earlier one wins, as in the simulator's answers.
     */
    private static SecondsByState truth(SimulatorSettings settings, ZoneId zone, long windowStart, long windowEnd,
            List<Pause> pauses) {
        SecondsByState truth = new SecondsByState(windowStart, windowEnd);
        TimelineGenerator generator = new TimelineGenerator(settings.seed());
        for (AgentProfile agent : RosterGenerator.generate(settings).agents()) {
            long userId = Long.parseLong(agent.userId());
            for (LocalDate date : List.of(DAY, DAY.minusDays(1))) {
                AgentTimeline session = generator.generate(agent, date);
                for (StateSpan span : session.spans()) {
                    long start = epochSecond(span.start(), zone);
                    long end = epochSecond(span.end(), zone);
                    if (end <= windowStart || start >= windowEnd) {
                        continue;
                    }
                    truth.set(userId, start, end, family(span.status()));
                    if (span.status() == AgentStatus.PAUSED) {
                        pauses.add(new Pause(userId, Math.max(start, windowStart), Math.min(end, windowEnd)));
                    }
                }
            }
        }
        return truth;
    }

    private static long epochSecond(long localSeconds, ZoneId zone) {
        return LocalSeconds.toDateTime(localSeconds).atZone(zone).toEpochSecond();
    }

    /** The simulator sends the status's name; reporting.status_group maps it to its lower-case family. */
    private static String family(AgentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static SecondsByState read(TestDatabase database, String sql, long windowStart, long windowEnd) {
        SecondsByState reading = new SecondsByState(windowStart, windowEnd);
        for (org.jooq.Record row : database.dsl().fetch(sql)) {
            reading.set(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class), row.get(3, String.class));
        }
        return reading;
    }

    private static Accuracy compare(String polling, String name, SecondsByState truth, SecondsByState reading,
            List<Pause> pauses) {
        byte dispo = SecondsByState.code("dispo");
        byte incall = SecondsByState.code("incall");
        byte paused = SecondsByState.code("paused");
        long loggedIn = 0;
        long wrong = 0;
        long truthDispo = 0;
        long readDispo = 0;
        long truthIncall = 0;
        long readIncall = 0;
        int families = SecondsByState.FAMILIES.size() + 1;
        long[][] misplaced = new long[families][families];
        for (long userId : truth.agents()) {
            for (long second = truth.windowStart(); second < truth.windowStart() + truth.length(); second++) {
                byte real = truth.at(userId, second);
                byte read = reading.at(userId, second);
                if (real != SecondsByState.NONE) {
                    loggedIn++;
                    wrong += real == read ? 0 : 1;
                    misplaced[real][read] += real == read ? 0 : 1;
                }
                truthDispo += real == dispo ? 1 : 0;
                readDispo += read == dispo ? 1 : 0;
                truthIncall += real == incall ? 1 : 0;
                readIncall += read == incall ? 1 : 0;
            }
        }
        int neverSeen = 0;
        for (Pause pause : pauses) {
            boolean seen = false;
            for (long second = pause.start(); second < pause.end() && !seen; second++) {
                seen = reading.at(pause.userId(), second) == paused;
            }
            neverSeen += seen ? 0 : 1;
        }
        return new Accuracy(polling, name, loggedIn, wrong, truthDispo, readDispo, truthIncall, readIncall, pauses.size(),
                neverSeen, largest(misplaced, loggedIn));
    }

    /** The three largest kinds of wrong second, e.g. "ready as dispo 1.20 %". */
    private static String largest(long[][] misplaced, long loggedIn) {
        List<int[]> kinds = new ArrayList<>();
        for (int real = 1; real < misplaced.length; real++) {
            for (int read = 0; read < misplaced.length; read++) {
                if (misplaced[real][read] > 0) {
                    kinds.add(new int[] {real, read});
                }
            }
        }
        return kinds.stream()
                .sorted((a, b) -> Long.compare(misplaced[b[0]][b[1]], misplaced[a[0]][a[1]]))
                .limit(3)
                .map(kind -> String.format(Locale.ROOT, "%s as %s %.2f %%", name(kind[0]), name(kind[1]),
                        100.0 * misplaced[kind[0]][kind[1]] / loggedIn))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String name(int code) {
        return code == SecondsByState.NONE ? "none" : SecondsByState.FAMILIES.get(code - 1);
    }
}
