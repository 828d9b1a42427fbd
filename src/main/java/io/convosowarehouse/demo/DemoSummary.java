package io.convosowarehouse.demo;

import static io.convosowarehouse.db.reporting.Tables.AGENT_CALL;
import static io.convosowarehouse.db.reporting.Tables.AGENT_SHIFT;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Prints the demo's shift summary from reporting.agent_shift, the view the shift reports read, so it matches what
 * SQL returns. (warehouse.agent_shift credits a status only when it ends; the view adds an open shift's status in hand.)
 */
@Component
public class DemoSummary {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final DSLContext dsl;

    public DemoSummary(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void print(String accountName, ZoneId zone, OffsetDateTime from, OffsetDateTime to, PrintWriter out) {
        // calls seen per shift, and the average handle time (talk + wrap-up) of those whose end a poll saw
        Table<?> calls = dsl.select(AGENT_CALL.USER_ID, AGENT_CALL.SHIFT_LOGIN_AT, count().as("calls_seen"),
                        avg(AGENT_CALL.HANDLE_SEC).filterWhere(AGENT_CALL.IS_FINISHED).as("aht_sec"))
                .from(AGENT_CALL)
                .where(AGENT_CALL.ACCOUNT_NAME.eq(accountName))
                .groupBy(AGENT_CALL.USER_ID, AGENT_CALL.SHIFT_LOGIN_AT)
                .asTable("calls");
        Field<Integer> callsSeen = calls.field("calls_seen", Integer.class);
        Field<Double> aht = calls.field("aht_sec", Double.class);
        var shifts = dsl.select(AGENT_SHIFT.USER_ID, AGENT_SHIFT.USER_FULL_NAME, AGENT_SHIFT.LOGIN_LOCAL,
                        AGENT_SHIFT.LOGOUT_LOCAL, AGENT_SHIFT.IS_OPEN, AGENT_SHIFT.AVAILABLE_SEC, AGENT_SHIFT.INCALL_SEC,
                        AGENT_SHIFT.DISPO_SEC, AGENT_SHIFT.PAUSED_SEC,
                        AGENT_SHIFT.DEAD_SEC.plus(AGENT_SHIFT.OTHER_SEC).as("other_sec"), AGENT_SHIFT.CALLS_HANDLED,
                        callsSeen, aht)
                .from(AGENT_SHIFT)
                .leftJoin(calls)
                .on(calls.field(AGENT_CALL.USER_ID).eq(AGENT_SHIFT.USER_ID))
                .and(calls.field(AGENT_CALL.SHIFT_LOGIN_AT).eq(AGENT_SHIFT.LOGIN_AT))
                .where(AGENT_SHIFT.ACCOUNT_NAME.eq(accountName))
                .and(AGENT_SHIFT.LOGIN_AT.lt(to))
                .and(AGENT_SHIFT.LOGOUT_AT.isNull().or(AGENT_SHIFT.LOGOUT_AT.gt(from)))
                .orderBy(AGENT_SHIFT.LOGIN_AT, AGENT_SHIFT.USER_ID)
                .fetch();
        out.printf("%nShift summary (reporting.agent_shift, times in %s; a shift still open at the end shows no logout and"
                + " counts up to the last poll)%n", zone);
        out.printf("%-8s %-24s %-14s %-14s %8s %8s %8s %8s %8s %6s %5s %7s%n", "user_id", "agent", "login", "logout",
                "ready", "in call", "wrap-up", "paused", "other", "calls", "seen", "AHT");
        for (Record shift : shifts) {
            Double ahtSec = shift.get(aht);
            out.printf("%-8d %-24.24s %-14s %-14s %8s %8s %8s %8s %8s %6d %5d %7s%n", shift.get(AGENT_SHIFT.USER_ID),
                    shift.get(AGENT_SHIFT.USER_FULL_NAME), local(shift.get(AGENT_SHIFT.LOGIN_LOCAL)),
                    shift.get(AGENT_SHIFT.IS_OPEN) ? "-" : local(shift.get(AGENT_SHIFT.LOGOUT_LOCAL)),
                    hms(shift.get(AGENT_SHIFT.AVAILABLE_SEC)), hms(shift.get(AGENT_SHIFT.INCALL_SEC)),
                    hms(shift.get(AGENT_SHIFT.DISPO_SEC)), hms(shift.get(AGENT_SHIFT.PAUSED_SEC)),
                    hms(shift.get("other_sec", Integer.class)), shift.get(AGENT_SHIFT.CALLS_HANDLED),
                    shift.get(callsSeen) == null ? 0 : shift.get(callsSeen),
                    ahtSec == null ? "-" : minutesSeconds(Math.round(ahtSec)));
        }
        out.printf("%d shift(s). Ready includes WAIT; other is DEAD and any other status. Calls: counted by calls_today;"
                + " seen: calls a poll showed; AHT: their average talk + wrap-up (m:ss, finished calls).%n", shifts.size());
    }

    private static String local(LocalDateTime at) {
        return at.format(LOCAL);
    }

    private static String minutesSeconds(long seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private static String hms(Integer seconds) {
        int s = seconds == null ? 0 : seconds;
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
