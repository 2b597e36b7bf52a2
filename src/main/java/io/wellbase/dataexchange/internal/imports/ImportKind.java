package io.wellbase.dataexchange.internal.imports;

import static io.wellbase.dataexchange.internal.imports.FieldType.DATE;
import static io.wellbase.dataexchange.internal.imports.FieldType.DATE_TIME;
import static io.wellbase.dataexchange.internal.imports.FieldType.EMAIL;
import static io.wellbase.dataexchange.internal.imports.FieldType.FLAG;
import static io.wellbase.dataexchange.internal.imports.FieldType.INTEGER;
import static io.wellbase.dataexchange.internal.imports.FieldType.MONEY;
import static io.wellbase.dataexchange.internal.imports.FieldType.TEXT;
import static io.wellbase.dataexchange.internal.imports.FieldType.TIME;
import static io.wellbase.dataexchange.internal.imports.FieldType.WEEKDAYS;
import static io.wellbase.dataexchange.internal.imports.ImportField.optional;
import static io.wellbase.dataexchange.internal.imports.ImportField.required;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What can be imported, and the fields of each kind with the headers that name them. Headers are
 * compared without case, spaces or punctuation, so "Client ID", "client_id" and "CLIENTID" match.
 */
enum ImportKind {
    CLIENTS(
            "clients",
            List.of(
                    optional(
                            "externalId",
                            TEXT,
                            "Client ID",
                            "ID",
                            "Mindbody ID",
                            "MBO ID",
                            "Client Number",
                            "External ID"),
                    required("firstName", TEXT, "First Name", "First", "Given Name", "Firstname"),
                    required("lastName", TEXT, "Last Name", "Last", "Surname", "Family Name", "Lastname"),
                    optional("email", EMAIL, "Email", "E-mail", "Email Address", "Client Email"),
                    optional("mobilePhone", TEXT, "Mobile Phone", "Mobile", "Cell Phone", "Cell", "Phone"),
                    optional("homePhone", TEXT, "Home Phone", "Work Phone", "Phone 2", "Landline"),
                    optional("birthDate", DATE, "Birth Date", "Birthday", "Date of Birth", "DOB"),
                    optional("gender", TEXT, "Gender", "Sex"),
                    optional("address", TEXT, "Address", "Address Line 1", "Address 1", "Street", "Street Address"),
                    optional("city", TEXT, "City", "Town"),
                    optional("state", TEXT, "State", "Province", "Region", "County"),
                    optional("postalCode", TEXT, "Postal Code", "Zip", "Zip Code", "Postcode", "Post Code"),
                    optional("country", TEXT, "Country", "Country Code"),
                    optional("status", TEXT, "Status", "Client Status", "Active"),
                    optional("source", TEXT, "Source", "Referral Source", "Referred By", "Lead Source"),
                    optional(
                            "createdAt",
                            DATE_TIME,
                            "Creation Date",
                            "Created",
                            "Date Created",
                            "Created Date",
                            "Join Date",
                            "Member Since"))),

    STAFF(
            "staff",
            List.of(
                    optional("externalId", TEXT, "Staff ID", "ID", "Employee ID", "Teacher ID"),
                    required("firstName", TEXT, "First Name", "First", "Firstname"),
                    required("lastName", TEXT, "Last Name", "Last", "Surname", "Lastname"),
                    optional("email", EMAIL, "Email", "E-mail", "Email Address"),
                    optional("role", TEXT, "Role", "Staff Role", "Position", "Permission Level"))),

    CLASSES(
            "classes",
            List.of(
                    optional("externalId", TEXT, "Class ID", "Class Schedule ID", "Schedule ID", "ID"),
                    required(
                            "className",
                            TEXT,
                            "Class Name",
                            "Class",
                            "Name",
                            "Class Description Name",
                            "Service Category"),
                    optional("description", TEXT, "Description", "Class Description"),
                    optional("category", TEXT, "Category", "Program", "Service Category Name"),
                    optional("location", TEXT, "Location", "Studio", "Site"),
                    optional("staff", TEXT, "Staff", "Teacher", "Instructor", "Staff Name"),
                    required("days", WEEKDAYS, "Day of Week", "Days", "Day", "Weekday", "Weekdays", "Days of Week"),
                    required("startTime", TIME, "Start Time", "Time", "Class Time"),
                    optional("duration", INTEGER, "Duration", "Length", "Duration (min)", "Minutes"),
                    optional("capacity", INTEGER, "Capacity", "Max Capacity", "Spots", "Size"),
                    optional("startDate", DATE, "Start Date", "From", "First Date"),
                    optional("endDate", DATE, "End Date", "To", "Last Date"))),

    VISITS(
            "visits",
            List.of(
                    optional("externalId", TEXT, "Visit ID", "Visit Ref No", "Visit Number"),
                    required("clientId", TEXT, "Client ID", "Client Number", "Mindbody ID", "ID"),
                    optional("firstName", TEXT, "First Name", "Client First Name"),
                    optional("lastName", TEXT, "Last Name", "Client Last Name"),
                    optional("email", TEXT, "Email", "Client Email"),
                    required("visitDate", DATE_TIME, "Visit Date", "Date", "Class Date", "Visit Date/Time"),
                    optional("visitTime", TIME, "Visit Time", "Time", "Class Time", "Start Time"),
                    required("className", TEXT, "Class Name", "Class", "Visit Type", "Service Name", "Description"),
                    optional("staff", TEXT, "Staff", "Teacher", "Instructor", "Staff Name"),
                    optional("location", TEXT, "Location", "Studio", "Site"),
                    optional("lateCancel", FLAG, "Late Cancel", "Late Cancelled", "Late Cancellation"),
                    optional("noShow", FLAG, "No Show", "Noshow", "Missed"),
                    optional(
                            "status",
                            TEXT,
                            "Status",
                            "Visit Status",
                            "Attendance",
                            "Attendance Status",
                            "Booking Status"))),

    SALES(
            "sales",
            List.of(
                    optional(
                            "externalId",
                            TEXT,
                            "Sale ID",
                            "Sale Number",
                            "Receipt",
                            "Receipt Number",
                            "Invoice Number"),
                    required("saleDate", DATE_TIME, "Sale Date", "Date", "Purchase Date", "Sold On"),
                    required("clientId", TEXT, "Client ID", "Client Number", "Mindbody ID"),
                    required("itemName", TEXT, "Item name", "Item", "Description", "Product", "Pricing Option"),
                    optional("quantity", INTEGER, "Quantity", "Qty"),
                    required("amount", MONEY, "Amount", "Total", "Item Total", "Price", "Sale Amount", "Paid"),
                    optional("currency", TEXT, "Currency"),
                    optional("paymentMethod", TEXT, "Payment Method", "Payment Type", "Paid With", "Tender"))),

    MEMBERSHIPS(
            "memberships",
            List.of(
                    optional("externalId", TEXT, "Membership ID", "Contract ID", "Autopay ID", "ID"),
                    required("clientId", TEXT, "Client ID", "Client Number", "Mindbody ID"),
                    required(
                            "plan",
                            TEXT,
                            "Pricing Option",
                            "Membership",
                            "Contract",
                            "Contract Name",
                            "Membership Name",
                            "Plan"),
                    required("startDate", DATE, "Start Date", "Active Date", "Contract Start Date", "Activation Date"),
                    required("endDate", DATE, "Expiration Date", "End Date", "Contract End Date", "Expires"),
                    optional("remaining", INTEGER, "Remaining", "Sessions Remaining", "Remaining Sessions"),
                    optional("status", TEXT, "Status", "Contract Status"))),

    PRICING_OPTIONS(
            "pricing_options",
            List.of(
                    optional("externalId", TEXT, "Pricing Option ID", "Client Service ID", "Series ID", "ID"),
                    required("clientId", TEXT, "Client ID", "Client Number", "Mindbody ID"),
                    required("plan", TEXT, "Pricing Option", "Service", "Series", "Class Pack", "Package"),
                    required("startDate", DATE, "Active Date", "Start Date", "Purchase Date", "Payment Date"),
                    optional("endDate", DATE, "Expiration Date", "Expires", "End Date"),
                    optional("count", INTEGER, "Count", "Sessions", "Total Sessions", "Classes"),
                    required("remaining", INTEGER, "Remaining", "Sessions Remaining", "Remaining Sessions"))),

    PRODUCTS(
            "products",
            List.of(
                    required("sku", TEXT, "SKU", "Product Code", "Item Code", "Article Number", "Barcode", "UPC"),
                    required("title", TEXT, "Name", "Product Name", "Title", "Item Name", "Product"),
                    optional("description", TEXT, "Description", "Product Description", "Details"),
                    required("price", MONEY, "Price", "Retail Price", "Online Price", "Unit Price", "Sell Price"),
                    optional("taxRate", TEXT, "Tax Rate", "Tax", "VAT", "VAT Rate", "Tax %"),
                    optional("category", TEXT, "Category", "Product Category", "Department", "Type"),
                    optional("tags", TEXT, "Tags", "Labels", "Keywords"),
                    optional("active", TEXT, "Active", "Status", "Sellable"),
                    optional("lastsDays", INTEGER, "Lasts Days", "Days of Use", "Usage Days")));

    private final String value;
    private final List<ImportField> fields;

    ImportKind(String value, List<ImportField> fields) {
        this.value = value;
        this.fields = fields;
    }

    String value() {
        return value;
    }

    List<ImportField> fields() {
        return fields;
    }

    Optional<ImportField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    static Optional<ImportKind> of(String value) {
        return Arrays.stream(values())
                .filter(k -> k.value.equalsIgnoreCase(value))
                .findFirst();
    }
}
