package io.wellbase.dataexchange.internal.exports;

import io.wellbase.platform.csv.CsvOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Writes export rows as they arrive, as CSV or as a JSON array of objects keyed by the headers. */
abstract class RowWriter implements AutoCloseable {

    abstract void row(List<String> values) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static RowWriter of(String format, List<String> headers, OutputStream out, ObjectMapper json) {
        return format.equals("json") ? new JsonRows(headers, out, json) : new CsvRows(headers, out);
    }

    static String contentType(String format) {
        return format.equals("json") ? "application/json" : CsvOutput.CONTENT_TYPE;
    }

    /** The rows through the platform's one CSV writer (formulas defused, byte order mark, CRLF). */
    static final class CsvRows extends RowWriter {
        private final CsvOutput csv;

        CsvRows(List<String> headers, OutputStream out) {
            this.csv = CsvOutput.to(out);
            csv.row(headers);
        }

        @Override
        void row(List<String> values) {
            csv.row(values);
        }

        @Override
        public void close() throws IOException {
            csv.close();
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
