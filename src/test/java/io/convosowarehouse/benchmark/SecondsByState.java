package io.convosowarehouse.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per agent, the status family of every second of a window, as one reading tells it: the simulator's own
 * timeline, or the warehouse's intervals. Families are reporting.status_group's names; a second with none is
 * logged out (or not known to be logged in).
 */
final class SecondsByState {

    static final List<String> FAMILIES = List.of("ready", "wait", "incall", "dispo", "paused", "dead", "other");
    static final byte NONE = 0;

    private final long windowStart;
    private final int length;
    private final Map<Long, byte[]> byAgent = new HashMap<>();

    /** A reading of the seconds [windowStart, windowEnd), epoch seconds. */
    SecondsByState(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.length = Math.toIntExact(windowEnd - windowStart);
    }

    static byte code(String family) {
        int index = FAMILIES.indexOf(family);
        if (index < 0) {
            throw new IllegalArgumentException("not a status family: " + family);
        }
        return (byte) (index + 1);
    }

    /** Sets [start, end) of the agent to the family, clipped to the window; a later call overwrites. */
    void set(long userId, long start, long end, String family) {
        byte code = code(family);
        byte[] seconds = byAgent.computeIfAbsent(userId, id -> new byte[length]);
        int from = (int) Math.max(0, start - windowStart);
        int to = (int) Math.min(length, end - windowStart);
        for (int second = from; second < to; second++) {
            seconds[second] = code;
        }
    }

    /** The family code of one second, NONE when logged out or outside the window. */
    byte at(long userId, long second) {
        byte[] seconds = byAgent.get(userId);
        long offset = second - windowStart;
        return seconds == null || offset < 0 || offset >= length ? NONE : seconds[(int) offset];
    }

    Iterable<Long> agents() {
        return byAgent.keySet();
    }

    long windowStart() {
        return windowStart;
    }

    int length() {
        return length;
    }
}
