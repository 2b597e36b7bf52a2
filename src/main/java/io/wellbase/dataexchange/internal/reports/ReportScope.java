package io.wellbase.dataexchange.internal.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** What a report covers: one organization, a period of local dates (inclusive), maybe one location. */
record ReportScope(
        UUID orgId,
        String organization,
        ZoneId zone,
        String currency,
        LocalDate from,
        LocalDate to,
        UUID locationId,
        String locationName) {

    int fractionDigits() {
        return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
