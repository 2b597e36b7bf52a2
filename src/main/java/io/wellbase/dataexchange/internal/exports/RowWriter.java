package io.wellbase.dataexchange.internal.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Writes export rows as they arrive, as CSV or as a JSON array of objects keyed by the headers. */
abstract class RowWriter implements AutoCloseable {

    abstract void row(List<String> values) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static RowWriter of(String format, List<String> headers, OutputStream out, ObjectMapper json) throws IOException {
        return format.equals("json") ? new JsonRows(headers, out, json) : new CsvRows(headers, out);
    }

    static String contentType(String format) {
        return format.equals("json") ? "application/json" : "text/csv;charset=UTF-8";
    }

    /**
     * RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark (so Excel reads accents). A cell
     * starting with = + - @ (a formula to a spreadsheet) gets a leading apostrophe; the importer
     * removes it again.
     */
    static final class CsvRows extends RowWriter {
        private final Writer writer;

        CsvRows(List<String> headers, OutputStream out) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            row(headers);
        }

        @Override
        void row(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(values.get(i)));
            }
            writer.write("\r\n");
        }

        static String cell(String value) {
            if (value == null || value.isEmpty()) {
                return "";
            }
            String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?") ? "'" + value : value;
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                return '"' + v.replace("\"", "\"\"") + '"';
            }
            return v;
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    /** A JSON array streamed object by object; nothing is held in memory. */
    static final class JsonRows extends RowWriter {
        private final List<String> headers;
        private final JsonGenerator generator;

        JsonRows(List<String> headers, OutputStream out, ObjectMapper json) {
            this.headers = headers;
            this.generator = json.createGenerator(out);
            generator.writeStartArray();
        }

        @Override
        void row(List<String> values) {
            generator.writeStartObject();
            for (int i = 0; i < headers.size(); i++) {
                generator.writeName(headers.get(i));
                generator.writeString(values.get(i));
            }
            generator.writeEndObject();
        }

        @Override
        public void close() {
            generator.writeEndArray();
            generator.flush();
        }
    }
}
