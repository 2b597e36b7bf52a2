package io.wellbase.dataexchange.internal.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a file is written: its character set (UTF-8, with or without byte order mark, else
 * Windows-1252; UTF-16 when a byte order mark says so, as Excel's "Unicode Text" does), its field
 * separator (comma, semicolon or tab) and its header row.
 */
record CsvLayout(Charset charset, boolean bom, char separator, List<String> headers) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The file's records after the header; the caller closes the reader. */
    CsvReader<CsvRecord> records(InputStream in) throws IOException {
        return reader(open(in, charset, bom, false));
    }

    /** Like {@link #records} but failing on bytes that are not valid in the charset. */
    CsvReader<CsvRecord> strictRecords(InputStream in) throws IOException {
        return reader(open(in, charset, bom, true));
    }

    CsvLayout withCharset(Charset other) {
        return new CsvLayout(other, bom, separator, headers);
    }

    private CsvReader<CsvRecord> reader(Reader reader) {
        return CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .trimWhitespacesAroundQuotes(true)
                .ofCsvRecord(reader);
    }

    static Reader open(InputStream in, Charset charset, boolean bom, boolean strict) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (bom) {
            buffered.skipNBytes(bomLength(charset));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        return new InputStreamReader(buffered, decoder);
    }

    static boolean startsWithBom(byte[] head) {
        return head.length >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
    }

    /** The charset a byte order mark at the start names (UTF-8, UTF-16LE or UTF-16BE), or null. */
    static Charset bomCharset(byte[] head) {
        if (startsWithBom(head)) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** How many bytes the byte order mark of a charset takes. */
    static int bomLength(Charset charset) {
        return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)
                ? 2
                : UTF8_BOM.length;
    }

    static Charset guessCharset(byte[] head, int length, boolean bom) {
        if (bom) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(head, 0, length);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(length + 1);
        var result = utf8.decode(bytes, chars, false);
        // a multi-byte character cut at the end of the sample is not an error
        return result.isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
    }
}
