package io.wellbase.dataexchange.internal.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first pass over an import file: how it is written, which column feeds which field, how many
 * rows it has and what its dates say about day and month order. Falls back to Windows-1252 when a
 * byte anywhere in the file is not valid UTF-8.
 */
final class FileSurvey {

    /** Opens the file again for each pass. */
    interface Source {
        InputStream open() throws IOException;
    }

    record Survey(CsvLayout layout, ColumnMapping mapping, long rows, DateOrder.Decision dates) {

        /** What was detected, as reported on the job. */
        Map<String, Object> detected() {
            Map<String, Object> detected = new LinkedHashMap<>();
            detected.put("encoding", layout.charset().name() + (layout.bom() ? " with BOM" : ""));
            detected.put(
                    "delimiter",
                    switch (layout.separator()) {
                        case '\t' -> "tab";
                        case ';' -> "semicolon";
                        default -> "comma";
                    });
            detected.put("dateOrder", dates.order().name());
            detected.put("dates", dates.note());
            return detected;
        }
    }

    private FileSurvey() {}

    static Survey survey(Source source, ImportKind kind, Map<String, String> requestedMapping, DateOrder requestedOrder)
            throws IOException {
        CsvLayout layout;
        try (InputStream in = source.open()) {
            layout = CsvSniffer.sniff(in);
        }
        ColumnMapping mapping = ColumnMapping.resolve(kind, layout.headers(), requestedMapping);
        List<Integer> dateColumns = kind.fields().stream()
                .filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATE_TIME)
                .map(f -> mapping.columns().get(f.name()))
                .filter(Objects::nonNull)
                .toList();
        return count(source, layout, mapping, dateColumns, requestedOrder);
    }

    private static Survey count(
            Source source, CsvLayout layout, ColumnMapping mapping, List<Integer> dateColumns, DateOrder requestedOrder)
            throws IOException {
        DateOrder.Evidence evidence = new DateOrder.Evidence();
        long rows = 0;
        try (InputStream in = source.open();
                CsvReader<CsvRecord> reader = layout.strictRecords(in)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                rows++;
                for (int column : dateColumns) {
                    if (column < record.getFieldCount()) {
                        evidence.see(record.getField(column));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException
                    && layout.charset().equals(StandardCharsets.UTF_8)
                    && !layout.bom()) {
                return count(source, layout.withCharset(CsvLayout.WINDOWS_1252), mapping, dateColumns, requestedOrder);
            }
            throw e;
        } catch (CsvParseException e) {
            // an unclosed quote: the second pass reports where; count what was read
        }
        return new Survey(layout, mapping, rows, evidence.decide(requestedOrder));
    }
}
