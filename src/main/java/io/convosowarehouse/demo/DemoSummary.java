package io.convosowarehouse.demo;

import static io.convosowarehouse.db.reporting.Tables.AGENT_SHIFT;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jooq.DSLContext;
import org.jooq.Record;
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
        var shifts = dsl.select(AGENT_SHIFT.USER_ID, AGENT_SHIFT.USER_FULL_NAME, AGENT_SHIFT.LOGIN_LOCAL,
                        AGENT_SHIFT.LOGOUT_LOCAL, AGENT_SHIFT.IS_OPEN, AGENT_SHIFT.AVAILABLE_SEC, AGENT_SHIFT.INCALL_SEC,
                        AGENT_SHIFT.DISPO_SEC, AGENT_SHIFT.PAUSED_SEC,
                        AGENT_SHIFT.DEAD_SEC.plus(AGENT_SHIFT.OTHER_SEC).as("other_sec"), AGENT_SHIFT.CALLS_HANDLED)
                .from(AGENT_SHIFT)
                .where(AGENT_SHIFT.ACCOUNT_NAME.eq(accountName))
                .and(AGENT_SHIFT.LOGIN_AT.lt(to))
                .and(AGENT_SHIFT.LOGOUT_AT.isNull().or(AGENT_SHIFT.LOGOUT_AT.gt(from)))
                .orderBy(AGENT_SHIFT.LOGIN_AT, AGENT_SHIFT.USER_ID)
                .fetch();
        out.printf("%nShift summary (reporting.agent_shift, times in %s; a shift still open at the end shows no logout and"
                + " counts up to the last poll)%n", zone);
        out.printf("%-8s %-24s %-14s %-14s %8s %8s %8s %8s %8s %6s%n", "user_id", "agent", "login", "logout",
                "ready", "in call", "wrap-up", "paused", "other", "calls");
        for (Record shift : shifts) {
            out.printf("%-8d %-24.24s %-14s %-14s %8s %8s %8s %8s %8s %6d%n", shift.get(AGENT_SHIFT.USER_ID),
                    shift.get(AGENT_SHIFT.USER_FULL_NAME), local(shift.get(AGENT_SHIFT.LOGIN_LOCAL)),
                    shift.get(AGENT_SHIFT.IS_OPEN) ? "-" : local(shift.get(AGENT_SHIFT.LOGOUT_LOCAL)),
                    hms(shift.get(AGENT_SHIFT.AVAILABLE_SEC)), hms(shift.get(AGENT_SHIFT.INCALL_SEC)),
                    hms(shift.get(AGENT_SHIFT.DISPO_SEC)), hms(shift.get(AGENT_SHIFT.PAUSED_SEC)),
                    hms(shift.get("other_sec", Integer.class)), shift.get(AGENT_SHIFT.CALLS_HANDLED));
        }
        out.printf("%d shift(s). Ready includes WAIT; other is DEAD and any other status.%n", shifts.size());
    }

    private static String local(LocalDateTime at) {
        return at.format(LOCAL);
    }

    private static String hms(Integer seconds) {
        int s = seconds == null ? 0 : seconds;
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
