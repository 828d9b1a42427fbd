package io.convosowarehouse.benchmark;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Time spent in each kind of SQL statement the pipeline runs through jOOQ, from start to end of
 * the statement (render, bind, execute, fetch). Registered in the benchmark's Spring context only;
 * COPY goes through the raw connection and is not seen here, so it shows up as the remainder.
 */
final class StatementTimings implements ExecuteListener {

    /** Total time and count of one kind of statement. */
    record Kind(String statement, long nanos, int count) {
    }

    private static final String STARTED = "benchmark.started";
    private final Map<String, long[]> totals = new LinkedHashMap<>();

    @Override
    public void start(ExecuteContext ctx) {
        ctx.data(STARTED, System.nanoTime());
    }

    @Override
    public void end(ExecuteContext ctx) {
        Object started = ctx.data(STARTED);
        if (started == null || ctx.sql() == null) {
            return;
        }
        long elapsed = System.nanoTime() - (Long) started;
        synchronized (totals) {
            long[] total = totals.computeIfAbsent(kindOf(ctx.sql()), k -> new long[2]);
            total[0] += elapsed;
            total[1]++;
        }
    }

    void reset() {
        synchronized (totals) {
            totals.clear();
        }
    }

    /** The kinds seen since the last reset, most expensive first. */
    List<Kind> kinds() {
        synchronized (totals) {
            return totals.entrySet().stream()
                    .map(e -> new Kind(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                    .sorted(Comparator.comparingLong(Kind::nanos).reversed())
                    .toList();
        }
    }

    /** The statement's verb and table, e.g. "insert into warehouse.agent", without the rest. */
    static String kindOf(String sql) {
        String flat = sql.replace("\"", "").replaceAll("\\s+", " ").trim();
        String lower = flat.toLowerCase(java.util.Locale.ROOT);
        for (String verb : List.of("insert into ", "update ", "delete from ", "select ", "call ")) {
            if (lower.startsWith(verb)) {
                String rest = flat.substring(verb.length());
                if (verb.equals("select ")) {
                    int from = lower.indexOf(" from ");
                    String target = from < 0 ? rest : flat.substring(from + 6);
                    return "select … from " + firstWord(target) + (from < 0 ? " (" + abbreviate(rest) + ")" : "");
                }
                return verb + firstWord(rest);
            }
        }
        return abbreviate(flat);
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && " (,".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(0, end);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
