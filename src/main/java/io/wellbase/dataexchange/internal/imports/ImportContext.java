package io.wellbase.dataexchange.internal.imports;

import java.time.ZoneId;
import java.util.UUID;

/** What every row of one import is read and merged with. */
record ImportContext(
        UUID importId,
        UUID orgId,
        UUID userId,
        ImportKind kind,
        ColumnMapping mapping,
        DateOrder dateOrder,
        String currency,
        int fractionDigits,
        ZoneId zone) {

    /** The header a field was read from, for error reports. */
    String header(String field) {
        return mapping.used().entrySet().stream()
                .filter(e -> e.getValue().equals(field))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElse(field);
    }
}
