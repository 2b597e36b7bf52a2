package io.wellbase.dataexchange.internal.imports;

/** How a column's text is read. */
enum FieldType {
    TEXT,
    EMAIL,
    DATE,
    DATE_TIME,
    TIME,
    INTEGER,
    MONEY,
    FLAG,
    WEEKDAYS
}
