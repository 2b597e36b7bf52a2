package io.wellbase.dataexchange.internal;

import java.util.List;

/**
 * The column headers Wellbase writes in exports and recognises first in imports, named as
 * Mindbody's exports name them, so that a Wellbase export imports again without a mapping.
 * Dates are written {@code YYYY-MM-DD}, times {@code HH:mm} in the location's zone, amounts as
 * decimals in major units ({@code 25.00}), flags as {@code Yes}/{@code No}.
 */
public final class ExchangeColumns {

    public static final List<String> CLIENTS = List.of(
            "Client ID",
            "First Name",
            "Last Name",
            "Email",
            "Mobile Phone",
            "Home Phone",
            "Birth Date",
            "Gender",
            "Address",
            "City",
            "State",
            "Postal Code",
            "Country",
            "Status",
            "Source",
            "Creation Date");

    public static final List<String> STAFF = List.of("Staff ID", "First Name", "Last Name", "Email", "Role");

    public static final List<String> CLASSES = List.of(
            "Class ID",
            "Class Name",
            "Description",
            "Category",
            "Location",
            "Staff",
            "Day of Week",
            "Start Time",
            "Duration",
            "Capacity",
            "Start Date",
            "End Date");

    public static final List<String> VISITS = List.of(
            "Visit ID",
            "Client ID",
            "First Name",
            "Last Name",
            "Email",
            "Visit Date",
            "Visit Time",
            "Class Name",
            "Staff",
            "Location",
            "Late Cancel",
            "No Show");

    public static final List<String> SALES = List.of(
            "Sale ID", "Sale Date", "Client ID", "Item name", "Quantity", "Amount", "Currency", "Payment Method");

    public static final List<String> MEMBERSHIPS = List.of(
            "Membership ID", "Client ID", "Pricing Option", "Start Date", "Expiration Date", "Remaining", "Status");

    /** A client's class pack: how many classes it held, how many remain and until when. */
    public static final List<String> PRICING_OPTIONS = List.of(
            "Pricing Option ID", "Client ID", "Pricing Option", "Active Date", "Expiration Date", "Count", "Remaining");

    public static final List<String> BOOKINGS = List.of(
            "Booking ID",
            "Client ID",
            "First Name",
            "Last Name",
            "Class Name",
            "Class Date",
            "Class Time",
            "Staff",
            "Location",
            "Status",
            "Booked At");

    private ExchangeColumns() {}
}
