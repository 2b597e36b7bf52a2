package io.wellbase.platform.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every CSV Wellbase writes (exports, reports, error reports, the audit trail) goes through this,
 * so that all of them open the same way in a spreadsheet and none can carry a live formula:
 * UTF-8 with a byte order mark (Excel then shows accents), comma-separated, CRLF line ends, quoted
 * only where a cell holds a comma, quote or line break (RFC 4180, written by FastCSV). A cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (CSV
 * injection), unless it is a plain number such as {@code -12.50}; the importer takes the
 * apostrophe off again. The caller keeps the stream: {@link #close()} flushes and leaves it open.
 */
public final class CsvOutput implements Closeable, Flushable {

    /** The content type of every CSV response. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** FastCSV quotes a first cell that starts with the comment character; NUL never starts one here. */
    private static final char NO_COMMENTS = '\0';

    private final Writer text;
    private final CsvWriter csv;

    private CsvOutput(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            text.write('\ufeff');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .commentCharacter(NO_COMMENTS)
                .build(text);
    }

    /** Starts a CSV on {@code out} (writes the byte order mark). */
    public static CsvOutput to(OutputStream out) {
        return new CsvOutput(out);
    }

    /** Writes one line; a null cell is written empty. */
    public CsvOutput row(Iterable<? extends @Nullable String> cells) {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (@Nullable String cell : cells) {
            record.writeField(defuse(cell));
        }
        record.endRecord();
        return this;
    }

    /** Writes one line; a null cell is written empty. */
    public CsvOutput row(@Nullable String... cells) {
        return row(Arrays.asList(cells));
    }

    /** Writes an empty line (between the sections of a report). */
    public CsvOutput blankLine() {
        csv.writeRecord().endRecord();
        return this;
    }

    /** The cell as a spreadsheet must see it: a formula gets a leading apostrophe, anything else stays. */
    public static @Nullable String defuse(@Nullable String value) {
        if (value == null
                || value.isEmpty()
                || FORMULA_STARTS.indexOf(value.charAt(0)) < 0
                || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
        text.flush();
    }

    /** Flushes; the stream stays open (whoever opened it closes it). */
    @Override
    public void close() throws IOException {
        flush();
    }
}
