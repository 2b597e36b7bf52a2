package io.wellbase.dataexchange.internal.imports;

import java.util.List;

/**
 * One field an import kind understands: its name in a mapping, how its text is read, whether a
 * file must have it, and the headers (Mindbody's and the usual export names) that mean it.
 */
record ImportField(String name, FieldType type, boolean required, List<String> headers) {

    static ImportField required(String name, FieldType type, String... headers) {
        return new ImportField(name, type, true, List.of(headers));
    }

    static ImportField optional(String name, FieldType type, String... headers) {
        return new ImportField(name, type, false, List.of(headers));
    }
}
