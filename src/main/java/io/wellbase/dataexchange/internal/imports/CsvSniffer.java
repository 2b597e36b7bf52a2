package io.wellbase.dataexchange.internal.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.wellbase.platform.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the start of a file and decides whether it is CSV at all, before any job starts: binary
 * content, no header row or a header that is one long line of prose answer 422.
 */
final class CsvSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;

    private CsvSniffer() {}

    static CsvLayout sniff(InputStream in) throws IOException {
        byte[] head = in.readNBytes(SAMPLE_BYTES);
        if (head.length == 0) {
            throw notCsv("The file is empty");
        }
        Charset bomCharset = CsvLayout.bomCharset(head);
        boolean bom = bomCharset != null;
        if (bomCharset == null || bomCharset.equals(StandardCharsets.UTF_8)) {
            for (byte b : head) {
                if (b == 0) {
                    throw notCsv("The file is binary, not CSV text");
                }
            }
        } else if (containsNulCharacter(head)) {
            throw notCsv("The file is binary, not CSV text");
        }
        Charset charset = bom ? bomCharset : CsvLayout.guessCharset(head, head.length, false);
        int skip = bom ? CsvLayout.bomLength(charset) : 0;
        String text = new String(head, skip, head.length - skip, charset);
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = separator(firstLine);
        CsvLayout probe = new CsvLayout(charset, bom, separator, List.of());
        List<String> headers;
        try (CsvReader<CsvRecord> reader = probe.records(new ByteArrayInputStream(head))) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw notCsv("The file has no header row");
            }
            headers = records.next().getFields().stream().map(String::strip).toList();
        } catch (CsvParseException e) {
            throw notCsv("The file cannot be read as CSV: " + e.getMessage());
        }
        if (headers.size() < 2 || headers.stream().allMatch(String::isEmpty)) {
            throw notCsv("The first row has " + headers.size()
                    + " column; a CSV export has a header row with comma-, semicolon- or tab-separated column names");
        }
        if (headers.stream().anyMatch(h -> h.length() > 200)) {
            throw notCsv("The first row does not look like column names");
        }
        return new CsvLayout(charset, bom, separator, headers);
    }

    /** A UTF-16 NUL character (two zero bytes at an even offset): binary behind a byte order mark. */
    private static boolean containsNulCharacter(byte[] head) {
        for (int i = 2; i + 1 < head.length; i += 2) {
            if (head[i] == 0 && head[i + 1] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The most frequent of comma, semicolon and tab outside quotes in the header line. */
    static char separator(String line) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> {}
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static ApiException notCsv(String detail) {
        return ApiException.unprocessable("import.not_csv", detail);
    }
}
