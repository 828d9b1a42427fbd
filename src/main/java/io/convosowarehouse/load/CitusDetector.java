package io.convosowarehouse.load;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Whether the warehouse runs on a Citus coordinator, where a few maintenance statements take another form. */
@Component
public class CitusDetector {

    private final DSLContext dsl;

    public CitusDetector(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True when the citus extension is installed in the warehouse's database. */
    public boolean installed() {
        return dsl.fetchSingle("select to_regclass('pg_catalog.pg_dist_partition') is not null").get(0, Boolean.class);
    }
}
