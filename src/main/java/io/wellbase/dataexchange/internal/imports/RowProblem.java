package io.wellbase.dataexchange.internal.imports;

/** A cell that cannot be read; the row is reported with its column and value and left out. */
final class RowProblem extends Exception {

    private final String field;
    private final String value;

    RowProblem(String field, String value, String message) {
        super(message, null, false, false);
        this.field = field;
        this.value = value;
    }

    String field() {
        return field;
    }

    String value() {
        return value;
    }
}
