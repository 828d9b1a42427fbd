package io.convosowarehouse.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format into a running {@code COPY … FROM STDIN (FORMAT binary)}.
 * Values travel as the server stores them, so it parses no text (timestamps above all cost it time
 * as text), and every 64 KiB leaves as soon as it is full, so the server stores the first rows while
 * later ones are still being encoded. Every value carries its length, so no character needs escaping.
 *
 * <p>The caller writes, for every row, {@link #startRow} and then exactly the table's columns in the
 * COPY statement's order, each with the method of its SQL type; {@link #finish} ends the COPY.
 */
final class BinaryCopyStream {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** timestamptz counts microseconds from 2000-01-01 00:00 UTC. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final int INT8_OID = 20;
    private static final int TEXT_OID = 25;
    private static final int NULL_LENGTH = -1;
    /** ndim, has-nulls flag, element type, then the one dimension's length and lower bound. */
    private static final int ARRAY_HEADER_BYTES = 5 * Integer.BYTES;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    BinaryCopyStream(CopyIn copy) {
        this.copy = copy;
        buffer.put(SIGNATURE).putInt(0).putInt(0); // no flags, no header extension
    }

    void startRow(int columns) throws SQLException {
        room(Short.BYTES);
        buffer.putShort((short) columns);
    }

    void int2(short value) throws SQLException {
        room(Integer.BYTES + Short.BYTES);
        buffer.putInt(Short.BYTES).putShort(value);
    }

    void int4(Integer value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        room(Integer.BYTES + Integer.BYTES);
        buffer.putInt(Integer.BYTES).putInt(value);
    }

    void int8(Long value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        room(Integer.BYTES + Long.BYTES);
        buffer.putInt(Long.BYTES).putLong(value);
    }

    void bool(Boolean value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        room(Integer.BYTES + 1);
        buffer.putInt(1).put((byte) (value ? 1 : 0));
    }

    /** Rounded to the microsecond, as PostgreSQL rounds a timestamp's text. */
    void timestamptz(Instant value) throws SQLException {
        if (value == null) {
            nullValue();
            return;
        }
        room(Integer.BYTES + Long.BYTES);
        buffer.putInt(Long.BYTES)
                .putLong((value.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L + (value.getNano() + 500) / 1_000);
    }

    void int8Array(Long[] values) throws SQLException {
        if (values == null) {
            nullValue();
            return;
        }
        int bytes = arrayHeaderBytes(values.length);
        boolean hasNulls = false;
        for (Long value : values) {
            bytes += Integer.BYTES + (value == null ? 0 : Long.BYTES);
            hasNulls |= value == null;
        }
        room(Integer.BYTES + arrayHeaderBytes(values.length));
        buffer.putInt(bytes);
        arrayHeader(values.length, hasNulls, INT8_OID);
        for (Long value : values) {
            int8(value); // an element is written as a value of its own: length, then bytes
        }
    }

    void textArray(String[] values) throws SQLException {
        if (values == null) {
            nullValue();
            return;
        }
        byte[][] elements = new byte[values.length][];
        int bytes = arrayHeaderBytes(values.length);
        boolean hasNulls = false;
        for (int i = 0; i < values.length; i++) {
            elements[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
            bytes += Integer.BYTES + (elements[i] == null ? 0 : elements[i].length);
            hasNulls |= elements[i] == null;
        }
        room(Integer.BYTES + arrayHeaderBytes(values.length));
        buffer.putInt(bytes);
        arrayHeader(values.length, hasNulls, TEXT_OID);
        for (byte[] element : elements) {
            if (element == null) {
                nullValue();
            } else {
                lengthAndBytes(element);
            }
        }
    }

    /** Ends the COPY; returns the number of rows the server stored. */
    long finish() throws SQLException {
        room(Short.BYTES);
        buffer.putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    /** Abandons a COPY that {@link #finish} did not end, so the connection can report the failure. */
    void cancelIfActive() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void nullValue() throws SQLException {
        room(Integer.BYTES);
        buffer.putInt(NULL_LENGTH);
    }

    private static int arrayHeaderBytes(int elements) {
        return elements == 0 ? 3 * Integer.BYTES : ARRAY_HEADER_BYTES;
    }

    /** An empty array has no dimension at all. */
    private void arrayHeader(int elements, boolean hasNulls, int elementType) {
        buffer.putInt(elements == 0 ? 0 : 1).putInt(hasNulls ? 1 : 0).putInt(elementType);
        if (elements > 0) {
            buffer.putInt(elements).putInt(1);
        }
    }

    /** A value of any size: one larger than the buffer goes to the server on its own. */
    private void lengthAndBytes(byte[] value) throws SQLException {
        room(Integer.BYTES);
        buffer.putInt(value.length);
        if (value.length <= buffer.capacity()) {
            room(value.length);
            buffer.put(value);
        } else {
            flush();
            copy.writeToCopy(value, 0, value.length);
        }
    }

    private void room(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.position() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
