package io.wellbase.dataexchange.internal.exports;

import io.wellbase.dataexchange.internal.ExchangeColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What can be exported, with the columns the importer reads back. */
enum ExportType {
    CLIENTS("clients", ExchangeColumns.CLIENTS),
    VISITS("visits", ExchangeColumns.VISITS),
    SALES("sales", ExchangeColumns.SALES),
    MEMBERSHIPS("memberships", ExchangeColumns.MEMBERSHIPS),
    BOOKINGS("bookings", ExchangeColumns.BOOKINGS),
    STAFF("staff", ExchangeColumns.STAFF),
    CLASSES("classes", ExchangeColumns.CLASSES);

    private final String value;
    private final List<String> columns;

    ExportType(String value, List<String> columns) {
        this.value = value;
        this.columns = columns;
    }

    String value() {
        return value;
    }

    List<String> columns() {
        return columns;
    }

    static Optional<ExportType> of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value.equalsIgnoreCase(value))
                .findFirst();
    }
}
