package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.LABEL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Row2;
import org.springframework.stereotype.Component;

import static org.jooq.impl.DSL.row;

/**
 * Turns repeated strings (status, names, CSS classes...) into warehouse.label ids. New values are
 * committed in a short transaction of their own before the snapshot's, so an id that has been
 * handed out always exists, even when the snapshot that first used it rolled back.
 */
@Component
public class LabelDictionary {

    /** One string of one API field. */
    public record Label(String field, String value) {
    }

    /** Labels per statement. */
    private static final int BATCH = 1_000;

    private final DSLContext dsl;
    private final Map<Label, Integer> ids = new ConcurrentHashMap<>();

    public LabelDictionary(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Makes sure every label has an id; afterwards {@link #idOf} answers for each of them. */
    public void register(Collection<Label> labels) {
        List<Label> unknown = labels.stream().filter(label -> !ids.containsKey(label)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<Row2<String, String>> rows = new ArrayList<>(unknown.size());
        unknown.forEach(label -> rows.add(row(label.field(), label.value())));
        dsl.transaction(tx -> {
            // PostgreSQL plans a row IN list as nested ORs: tens of thousands of them (a large account's
            // first answer) exceed its stack depth, so the labels go in batches
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<Row2<String, String>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                tx.dsl().insertInto(LABEL, LABEL.FIELD, LABEL.VALUE)
                        .valuesOfRows(batch)
                        .onConflictOnConstraint(io.convosowarehouse.db.warehouse.Keys.LABEL_ONCE)
                        .doNothing()
                        .execute();
                tx.dsl().select(LABEL.LABEL_ID, LABEL.FIELD, LABEL.VALUE)
                        .from(LABEL)
                        .where(row(LABEL.FIELD, LABEL.VALUE).in(batch))
                        .forEach(r -> ids.put(new Label(r.value2(), r.value3()), r.value1()));
            }
        });
    }

    /** The id of a registered label; NULL for a NULL value. */
    public Integer idOf(String field, String value) {
        if (value == null) {
            return null;
        }
        Integer id = ids.get(new Label(field, value));
        if (id == null) {
            throw new IllegalStateException("label " + field + " was not registered before use");
        }
        return id;
    }
}
