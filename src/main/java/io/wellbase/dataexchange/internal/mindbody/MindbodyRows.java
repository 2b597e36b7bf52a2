package io.wellbase.dataexchange.internal.mindbody;

import io.wellbase.dataexchange.internal.ExchangeColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Mindbody's v6 records as rows of the importer's own columns (ExchangeColumns, Mindbody's export names), so a
 * sync and a CSV import of the same data go through the same merge and agree. Mindbody's own vocabulary (its
 * statuses, "Yes"/"No") is left for the importer to map, with its warnings.
 */
final class MindbodyRows {

    private MindbodyRows() {}

    static final List<String> CLIENTS = ExchangeColumns.CLIENTS;
    static final List<String> VISITS = ExchangeColumns.VISITS;
    static final List<String> MEMBERSHIPS = ExchangeColumns.MEMBERSHIPS;
    static final List<String> SALES = ExchangeColumns.SALES;

    static List<String> client(JsonNode c) {
        return Arrays.asList(
                text(c, "Id"),
                text(c, "FirstName"),
                text(c, "LastName"),
                text(c, "Email"),
                text(c, "MobilePhone"),
                text(c, "HomePhone"),
                date(text(c, "BirthDate")),
                text(c, "Gender"),
                text(c, "AddressLine1"),
                text(c, "City"),
                text(c, "State"),
                text(c, "PostalCode"),
                text(c, "Country"),
                c.has("Active") ? (c.path("Active").asBoolean() ? "Active" : "Inactive") : text(c, "Status"),
                text(c, "ReferredBy"),
                date(text(c, "CreationDate")));
    }

    /** A visit of a class, with the class's name, teacher and location. */
    static List<String> visit(JsonNode visit, JsonNode klass) {
        String start =
                text(visit, "StartDateTime") == null ? text(klass, "StartDateTime") : text(visit, "StartDateTime");
        boolean late = visit.path("LateCancelled").asBoolean(false);
        boolean missed = visit.has("Missed")
                ? visit.path("Missed").asBoolean()
                : !visit.path("SignedIn").asBoolean(true);
        return Arrays.asList(
                text(visit, "Id"),
                text(visit, "ClientId"),
                null,
                null,
                null,
                date(start),
                time(start),
                text(klass.path("ClassDescription"), "Name"),
                staff(klass.path("Staff")),
                text(klass.path("Location"), "Name"),
                late ? "Yes" : "No",
                !late && missed ? "Yes" : "No");
    }

    static List<String> membership(String clientId, JsonNode m) {
        return Arrays.asList(
                text(m, "Id"),
                clientId,
                text(m, "Name"),
                date(text(m, "ActiveDate")),
                date(text(m, "ExpirationDate")),
                text(m, "Remaining"),
                m.path("Current").asBoolean(true) ? "Active" : "Expired");
    }

    /** A sale, one row per item it sold. */
    static List<List<String>> sale(JsonNode sale) {
        List<List<String>> rows = new ArrayList<>();
        String method = sale.path("Payments").isEmpty()
                ? null
                : text(sale.path("Payments").get(0), "Type");
        for (JsonNode item : sale.path("PurchasedItems")) {
            rows.add(Arrays.asList(
                    text(sale, "Id"),
                    date(text(sale, "SaleDateTime")),
                    text(sale, "ClientId"),
                    text(item, "Description"),
                    text(item, "Quantity"),
                    text(item, "TotalAmount"),
                    null,
                    method));
        }
        return rows;
    }

    private static String staff(JsonNode staff) {
        String name = text(staff, "Name");
        if (name != null) {
            return name;
        }
        String first = text(staff, "FirstName");
        String last = text(staff, "LastName");
        return first == null && last == null
                ? null
                : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    /** Mindbody's local date-times ({@code 2026-11-03T18:00:00}) as the importer's ISO date. */
    static String date(String dateTime) {
        return dateTime == null || dateTime.length() < 10
                ? null
                : java.time.LocalDate.parse(dateTime.substring(0, 10)).toString();
    }

    static String time(String dateTime) {
        return dateTime == null || dateTime.length() < 16 ? null : dateTime.substring(11, 16);
    }
}
