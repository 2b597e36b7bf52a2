package io.wellbase.dataexchange.internal.exports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The filters of one export: a date range on the type's own date (created, visit, sale, start or
 * class date), a location for visits, bookings and classes, a status for clients, memberships and bookings.
 */
record ExportFilter(LocalDate from, LocalDate to, UUID locationId, String status) {

    Map<String, Object> asMap() {
        Map<String, Object> map = new HashMap<>();
        if (from != null) {
            map.put("from", from.toString());
        }
        if (to != null) {
            map.put("to", to.toString());
        }
        if (locationId != null) {
            map.put("locationId", locationId.toString());
        }
        if (status != null) {
            map.put("status", status);
        }
        return map;
    }

    static ExportFilter fromMap(Map<String, Object> map) {
        return new ExportFilter(
                map.get("from") == null ? null : LocalDate.parse((String) map.get("from")),
                map.get("to") == null ? null : LocalDate.parse((String) map.get("to")),
                map.get("locationId") == null ? null : UUID.fromString((String) map.get("locationId")),
                (String) map.get("status"));
    }
}
