package io.convosowarehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.testsupport.TestDatabase;

/**
 * The daily-reset rule both counter-delta views use: Convoso's counters count since the account's
 * local midnight, so a new local day or a counter that went down starts the count anew.
 */
class CounterDeltaRuleTest {

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("counter_delta_rule");
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        database.close();
    }

    private static Integer delta(DSLContext dsl, Integer counter, Integer previous, boolean newDay) {
        return dsl.resultQuery("select reporting.counter_delta(?::integer, ?::integer, ?)", counter, previous, newDay)
                .fetchOne(0, Integer.class);
    }

    private static Boolean newLocalDay(String previous, String observed, String zone) {
        return database.dsl().resultQuery("select reporting.is_new_local_day(?::timestamptz, ?::timestamptz, ?)",
                previous, observed, zone).fetchOne(0, Boolean.class);
    }

    @Test
    void aCounterCountsTheDifferenceUntilItResets() {
        DSLContext dsl = database.dsl();
        assertThat(delta(dsl, 12, 10, false)).as("same day").isEqualTo(2);
        assertThat(delta(dsl, 10, 10, false)).as("no call").isZero();
        assertThat(delta(dsl, 3, 10, false)).as("a drop is a reset").isEqualTo(3);
        assertThat(delta(dsl, 1, 1, true)).as("a new day's first call").isEqualTo(1);
        assertThat(delta(dsl, 12, 10, true)).as("a new day counts from zero").isEqualTo(12);
        assertThat(delta(dsl, 5, null, false)).as("the first answer has no delta").isNull();
    }

    @Test
    void theCounterDayIsTheAccountsLocalDay() {
        // 23:50 and 00:10 in Los Angeles are 06:50 and 07:10 UTC of the same UTC day
        assertThat(newLocalDay("2025-05-29T06:50:00Z", "2025-05-29T07:10:00Z", "America/Los_Angeles")).isTrue();
        assertThat(newLocalDay("2025-05-28T23:50:00Z", "2025-05-29T00:10:00Z", "America/Los_Angeles")).isFalse();
        assertThat(newLocalDay(null, "2025-05-29T00:10:00Z", "America/Los_Angeles")).as("first answer").isFalse();
    }

    @Test
    void theRuleIsImmutableSoThePlannerInlinesIt() {
        assertThat(database.dsl().fetch(
                "select provolatile::text from pg_proc where pronamespace = 'reporting'::regnamespace"
                        + " and proname in ('counter_delta', 'is_new_local_day')").getValues(0, String.class))
                .hasSize(2).containsOnly("i");
    }
}
