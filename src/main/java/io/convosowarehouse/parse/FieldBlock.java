package io.convosowarehouse.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of one API object (agent entries, campaign counters, queue counters), each declared once by a
 * factory named for its reading rule, which also fixes its column type. The parser reads a block's values
 * with it, drift detection asks it which names are known, and the loaders write its columns.
 * <p>
 * Fields are declared while the declaring class initialises; the factories are visible to this package only.
 */
public final class FieldBlock {

    private final List<ApiField<?>> fields = new ArrayList<>();
    private final List<ApiField<?>> view = Collections.unmodifiableList(fields);
    private final Set<String> names = new HashSet<>();

    /** The fields in declaration order, which is also the order of a {@link FieldValues}. */
    public List<ApiField<?>> fields() {
        return view;
    }

    boolean declares(String name) {
        return names.contains(name);
    }

    /** Every field of the block read from {@code fields}; problems are left there. */
    FieldValues read(LenientFields source) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).read(source);
        }
        return new FieldValues(this, values);
    }

    ApiField<Long> id(String name) {
        return add(name, LenientFields::id, ColumnType.BIGINT);
    }

    ApiField<Long> bigint(String name) {
        return add(name, LenientFields::bigint, ColumnType.BIGINT);
    }

    ApiField<Integer> integer(String name) {
        return add(name, LenientFields::integer, ColumnType.INTEGER);
    }

    /** An "HH:MM:SS" (or "MM:SS") string, stored as seconds. */
    ApiField<Integer> duration(String name) {
        return add(name, LenientFields::duration, ColumnType.INTEGER);
    }

    ApiField<BigDecimal> decimal(String name) {
        return add(name, LenientFields::decimal, ColumnType.NUMERIC);
    }

    ApiField<Boolean> flag(String name) {
        return add(name, LenientFields::flag, ColumnType.BOOLEAN);
    }

    ApiField<Instant> timestamp(String name) {
        return add(name, LenientFields::timestamp, ColumnType.TIMESTAMPTZ);
    }

    ApiField<Long[]> idList(String name) {
        return add(name, LenientFields::idList, ColumnType.BIGINT_ARRAY);
    }

    ApiField<String[]> skills(String name) {
        return add(name, LenientFields::skills, ColumnType.TEXT_ARRAY);
    }

    /** A string kept once in warehouse.label; the row stores its id in {@code <name>_ref}. */
    ApiField<String> label(String name) {
        return add(name, LenientFields::text, name + "_ref", ColumnType.LABEL);
    }

    private <T> ApiField<T> add(String name, ApiField.Reader<T> reader, ColumnType type) {
        return add(name, reader, name, type);
    }

    private <T> ApiField<T> add(String name, ApiField.Reader<T> reader, String column, ColumnType type) {
        if (!names.add(name)) {
            throw new IllegalStateException("API field " + name + " is declared twice in one block");
        }
        ApiField<T> field = new ApiField<>(fields.size(), name, reader, column, type);
        fields.add(field);
        return field;
    }
}
