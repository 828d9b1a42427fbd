package io.convosowarehouse.parse;

/**
 * One field of an API block: its name in the answer, how {@link LenientFields} reads it, and the column
 * it is stored in. {@code T} is the Java type of the value the reader gives and the writer takes.
 */
public final class ApiField<T> {

    /** Reads one named field of an object, leaving any problem in the {@link LenientFields}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(LenientFields fields, String name);
    }

    private final int index;
    private final String name;
    private final Reader<T> reader;
    private final String column;
    private final ColumnType type;

    ApiField(int index, String name, Reader<T> reader, String column, ColumnType type) {
        this.index = index;
        this.name = name;
        this.reader = reader;
        this.column = column;
        this.type = type;
    }

    /** The position of this field's value in its block's {@link FieldValues}. */
    int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public String column() {
        return column;
    }

    public ColumnType type() {
        return type;
    }

    T read(LenientFields fields) {
        return reader.read(fields, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
