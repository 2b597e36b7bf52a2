package io.wellbase.dataexchange.internal.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into the staging table with {@code COPY ... FROM STDIN} in text format, a buffer at
 * a time, so memory stays flat whatever the size of the file.
 */
final class StagingCopy implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private long rows;

    StagingCopy(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT text)");
    }

    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the rows are then visible in the transaction. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private void append(Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        if (value instanceof Collection<?> days) {
            buffer.append('{')
                    .append(days.stream()
                            .map(d -> d instanceof DayOfWeek day ? String.valueOf(day.getValue()) : d.toString())
                            .collect(Collectors.joining(",")))
                    .append('}');
            return;
        }
        if (value instanceof Boolean b) {
            buffer.append(b ? 't' : 'f');
            return;
        }
        String text = value.toString();
        int plain = 0;
        while (plain < text.length() && !special(text.charAt(plain))) {
            plain++;
        }
        buffer.append(text, 0, plain); // most values need no escape: copied whole
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\0' -> {}
                default -> buffer.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
