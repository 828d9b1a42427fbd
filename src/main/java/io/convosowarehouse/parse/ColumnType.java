package io.convosowarehouse.parse;

/** The SQL type an API field is stored as; {@link #LABEL} is an integer reference to warehouse.label. */
public enum ColumnType {
    BIGINT, INTEGER, NUMERIC, BOOLEAN, TIMESTAMPTZ, BIGINT_ARRAY, TEXT_ARRAY, LABEL
}
