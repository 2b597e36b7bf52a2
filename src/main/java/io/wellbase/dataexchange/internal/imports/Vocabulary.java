package io.wellbase.dataexchange.internal.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words other systems (Mindbody first) write in a status or payment column, and the Wellbase
 * value each one means. Words are compared without case, spaces or punctuation, so "Non-Member",
 * "non member" and "NONMEMBER" are the same word.
 *
 * @param what    what the words name, for messages ("client status")
 * @param values  the Wellbase values, as a message lists them
 * @param terms   normalized word to Wellbase value
 */
record Vocabulary(String what, List<String> values, Map<String, String> terms) {

    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");

    static final Vocabulary CLIENT_STATUS = of(
            "client status",
            Map.of(
                    "active",
                            List.of(
                                    "Active",
                                    "Member",
                                    "Current",
                                    "Non-Member",
                                    "Non Member",
                                    "Nonmember",
                                    "Not a Member",
                                    "Active Member",
                                    "Yes",
                                    "Y",
                                    "True",
                                    "1"),
                    "inactive",
                            List.of(
                                    "Inactive",
                                    "Deactivated",
                                    "Former",
                                    "Expired",
                                    "Lapsed",
                                    "Archived",
                                    "No",
                                    "N",
                                    "False",
                                    "0"),
                    "lead",
                            List.of(
                                    "Lead",
                                    "Prospect",
                                    "Prospective",
                                    "Prospect Client",
                                    "New",
                                    "New Lead",
                                    "Inquiry",
                                    "Enquiry"),
                    "suspended", List.of("Suspended", "Declined", "On Hold", "Hold", "Frozen", "Paused"),
                    "churned", List.of("Terminated", "Cancelled", "Canceled", "Churned", "Lost", "Former Member")));

    /**
     * What happened at a visit. {@code booked} is not a Wellbase value: it means a visit with no
     * outcome, attended when in the past and confirmed when ahead, as a row without status.
     */
    static final Vocabulary VISIT_STATUS = of(
            "visit status",
            Map.of(
                    "attended",
                            List.of(
                                    "Signed In",
                                    "Signed-In",
                                    "Checked In",
                                    "Check In",
                                    "Attended",
                                    "Completed",
                                    "Complete",
                                    "Visited",
                                    "Present",
                                    "Unpaid",
                                    "Paid",
                                    "Arrived"),
                    "booked", List.of("Booked", "Reserved", "Confirmed", "Scheduled", "Enrolled", "Registered"),
                    "late_cancelled",
                            List.of("Late Cancel", "Late Cancelled", "Late Canceled", "Late Cancellation", "Late Cxl"),
                    "no_show", List.of("No Show", "No-Show", "Noshow", "Absent", "Missed", "Did Not Attend", "DNA"),
                    "cancelled",
                            List.of(
                                    "Cancelled",
                                    "Canceled",
                                    "Early Cancel",
                                    "Early Cancelled",
                                    "Early Canceled",
                                    "Cancellation",
                                    "Removed"),
                    "waitlisted",
                            List.of("Waitlisted", "Waitlist", "Wait List", "On Waitlist", "On the Waiting List")));

    static final Vocabulary MEMBERSHIP_STATUS = of(
            "membership status",
            Map.of(
                    "active", List.of("Active", "Current", "OK", "Declined", "Autopay Declined", "Activated"),
                    "expired", List.of("Expired", "Ended", "Completed", "Used", "Used Up", "Depleted"),
                    "cancelled",
                            List.of(
                                    "Cancelled",
                                    "Canceled",
                                    "Terminated",
                                    "Inactive",
                                    "Deactivated",
                                    "Voided",
                                    "Void",
                                    "Refunded"),
                    "frozen", List.of("Frozen", "Suspended", "On Hold", "Hold", "Paused"),
                    "pending",
                            List.of("Pending", "Future", "Not Started", "Not Yet Active", "Inactive Until Activated")));

    /**
     * Payment methods. {@code other} keeps the name the file gave (in the sale's note): a client's
     * account balance was paid or is owed elsewhere, so it is neither cash nor free.
     */
    static final Vocabulary PAYMENT_METHOD = of(
            "payment method",
            Map.of(
                    "cash", List.of("Cash", "Bar", "Efectivo", "Espèces", "Cash Payment"),
                    "card_terminal",
                            List.of(
                                    "Credit Card",
                                    "Debit Card",
                                    "Card",
                                    "Credit",
                                    "Debit",
                                    "Visa",
                                    "MasterCard",
                                    "Master Card",
                                    "MC",
                                    "Amex",
                                    "American Express",
                                    "Discover",
                                    "Diners Club",
                                    "JCB",
                                    "Maestro",
                                    "EC",
                                    "EC Karte",
                                    "Girocard",
                                    "Card Terminal",
                                    "Terminal",
                                    "Stored Card",
                                    "Card on File",
                                    "Credit Card (Stored)",
                                    "Apple Pay",
                                    "Google Pay",
                                    "Contactless"),
                    "bank_transfer",
                            List.of(
                                    "Check",
                                    "Cheque",
                                    "Bank Transfer",
                                    "Transfer",
                                    "Bank",
                                    "ACH",
                                    "EFT",
                                    "SEPA",
                                    "Direct Debit",
                                    "Wire",
                                    "Wire Transfer",
                                    "Bank Account",
                                    "Überweisung",
                                    "Lastschrift"),
                    "complimentary",
                            List.of(
                                    "Comp",
                                    "Comped",
                                    "Comp'd",
                                    "Complimentary",
                                    "Free",
                                    "Gift Card",
                                    "Gift Certificate",
                                    "Voucher",
                                    "Gift",
                                    "No Charge"),
                    "other",
                            List.of(
                                    "Other",
                                    "Account",
                                    "Client Account",
                                    "Account Balance",
                                    "Account Credit",
                                    "On Account",
                                    "House Account",
                                    "Custom",
                                    "Custom Payment",
                                    "PayPal",
                                    "Venmo",
                                    "Zelle")));

    static Vocabulary of(String what, Map<String, List<String>> words) {
        Map<String, String> terms = new HashMap<>();
        words.forEach((value, list) -> {
            terms.put(key(value), value);
            for (String word : list) {
                String previous = terms.put(key(word), value);
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalStateException(word + " means both " + previous + " and " + value);
                }
            }
        });
        List<String> values = words.keySet().stream().sorted().toList();
        return new Vocabulary(what, values, Map.copyOf(terms));
    }

    /** Lower case, letters and digits only. */
    static String key(String word) {
        return PUNCTUATION.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The Wellbase value a word means, if this vocabulary knows it. */
    Optional<String> lookup(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(terms.get(key(word)));
    }
}
