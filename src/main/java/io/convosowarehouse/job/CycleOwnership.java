package io.convosowarehouse.job;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Who runs a cycle, as the job repository cannot tell: an execution a killed process left
 * {@code STARTED} looks the same as one still running. Each run holds a database session of its own
 * for as long as it runs a cycle (a {@link Claim}) and names it in the execution's parameters; when
 * the process dies, however hard, PostgreSQL ends that session, so a later run sees that the
 * execution is abandoned.
 * <p>
 * Taking a cycle over never stores a scope twice, even from a process that is still alive after all
 * (its session cut, its node cut off): each scope's answer is stored only if its transaction finds,
 * and locks, the run's step execution still {@code STARTED} ({@link #confirmStillOwned}), and the
 * taking over marks it {@code FAILED} before the new execution copies what it loaded.
 */
@Component
class CycleOwnership {

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final String stepExecutionTable;

    CycleOwnership(DataSource dataSource, DSLContext dsl,
            @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.stepExecutionTable = tablePrefix + "STEP_EXECUTION";
    }

    /** A database session held while this process runs one cycle; closing it gives the cycle up. */
    final class Claim implements AutoCloseable {

        private final Connection session;
        private final String owner;

        private Claim(Connection session, String owner) {
            this.session = session;
            this.owner = owner;
        }

        /** The session, as {@code pid@start} (start in microseconds since the epoch): a pid alone is reused. */
        String owner() {
            return owner;
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (SQLException e) {
                // the session is gone either way
            }
        }
    }

    Claim claim() {
        Connection session;
        try {
            session = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot open the session that claims the cycle", e);
        }
        try {
            Record me = DSL.using(session, SQLDialect.POSTGRES).fetchSingle("""
                    select pid, floor(extract(epoch from backend_start) * 1000000)::bigint
                    from pg_stat_activity where pid = pg_backend_pid()""");
            return new Claim(session, me.get(0, Integer.class) + "@" + me.get(1, Long.class));
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Whether the session that {@code owner} names has ended. One that cannot be seen whole (another
     * role's, without pg_read_all_stats) counts as open.
     */
    boolean hasEnded(String owner) {
        String[] parts = owner.split("@", 2);
        if (parts.length != 2) {
            return false;
        }
        return !dsl.fetchExists(dsl.selectOne().from("pg_stat_activity")
                .where("pid = {0} and (backend_start is null "
                        + "or floor(extract(epoch from backend_start) * 1000000)::bigint = {1})",
                        DSL.val(Integer.parseInt(parts[0])), DSL.val(Long.parseLong(parts[1]))));
    }

    /** The database session pid that {@code owner} names. */
    static String pidOf(String owner) {
        return owner.split("@", 2)[0];
    }

    /**
     * In the transaction that stores a scope's answer: locks this run's step execution and checks it
     * is still {@code STARTED}, that is, that no other run has taken the cycle over. A run taking it
     * over waits for this transaction to end, and then sees what it stored.
     *
     * @throws CycleTakenOver when another run has
     */
    void confirmStillOwned(StepExecution stepExecution) {
        String status = dsl.fetchOptional("select status from " + stepExecutionTable + " where step_execution_id = {0} for update",
                DSL.val(stepExecution.getId())).map(row -> row.get(0, String.class)).orElse(null);
        if (!"STARTED".equals(status)) {
            throw new CycleTakenOver("another run took the cycle over (this run's step execution is "
                    + status + " in the job repository); the scopes not yet stored are left to it");
        }
    }

    /** Another run took over the cycle this one was running. */
    static final class CycleTakenOver extends RuntimeException {

        CycleTakenOver(String message) {
            super(message);
        }
    }
}
