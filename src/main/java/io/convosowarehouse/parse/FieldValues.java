package io.convosowarehouse.parse;

/** The values one object of an answer gave for the fields of its {@link FieldBlock}, typed by field. */
public final class FieldValues {

    private final FieldBlock block;
    private final Object[] values;

    FieldValues(FieldBlock block, Object[] values) {
        this.block = block;
        this.values = values;
    }

    /** The value of a field of this block; the field's type parameter is the type its reader returns. */
    @SuppressWarnings("unchecked")
    public <T> T get(ApiField<T> field) {
        if (block.fields().get(field.index()) != field) {
            throw new IllegalArgumentException(field + " is not a field of this block");
        }
        return (T) values[field.index()];
    }
}
