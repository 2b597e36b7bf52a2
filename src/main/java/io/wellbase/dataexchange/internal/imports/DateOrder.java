package io.wellbase.dataexchange.internal.imports;

/**
 * The order of day and month in dates like 03/04/2026: US (month first, Mindbody's default) or
 * European (day first). ISO dates (2026-04-03) are never ambiguous.
 */
enum DateOrder {
    MDY("MM/DD/YYYY"),
    DMY("DD/MM/YYYY");

    private final String pattern;

    DateOrder(String pattern) {
        this.pattern = pattern;
    }

    String pattern() {
        return pattern + " or YYYY-MM-DD";
    }

    /** What the file's dates say: a first part above 12 is a day, a second part above 12 is too. */
    static final class Evidence {
        private long dayFirst;
        private long monthFirst;
        private long ambiguous;
        private long dotted;

        private String last;
        private int lastKind;

        void see(String value) {
            // a file lists many visits of one day in a row: the same text counts as it did the last time
            int kind = value.equals(last) ? lastKind : kind(value);
            last = value;
            lastKind = kind;
            switch (kind & 3) {
                case 1 -> dayFirst++;
                case 2 -> monthFirst++;
                case 3 -> ambiguous++;
                default -> {
                    return;
                }
            }
            if ((kind & 4) != 0) {
                dotted++;
            }
        }

        /** 0 for no numeric date, else 1 day first, 2 month first, 3 either; plus 4 when dotted. */
        private static int kind(String value) {
            int[] parts = Values.numericDateParts(value);
            if (parts == null) {
                return 0;
            }
            int dots = value.contains(".") ? 4 : 0;
            if (parts[0] > 12 && parts[1] <= 12) {
                return 1 | dots;
            } else if (parts[1] > 12 && parts[0] <= 12) {
                return 2 | dots;
            }
            return 3 | dots;
        }

        /** The order to use and a sentence for the report explaining why. */
        Decision decide(DateOrder requested) {
            if (requested != null) {
                return new Decision(requested, "as requested (" + requested + ")");
            }
            if (dayFirst > 0 && monthFirst > 0) {
                DateOrder order = dayFirst >= monthFirst ? DMY : MDY;
                return new Decision(
                        order,
                        "mixed: " + dayFirst + " dates are day-first and " + monthFirst + " month-first; read as "
                                + order + ", the others are reported");
            }
            if (dayFirst > 0) {
                return new Decision(DMY, "day first (DD/MM/YYYY): " + dayFirst + " dates have a day above 12");
            }
            if (monthFirst > 0) {
                return new Decision(MDY, "month first (MM/DD/YYYY): " + monthFirst + " dates have a day above 12");
            }
            if (ambiguous == 0) {
                return new Decision(MDY, "no ambiguous dates");
            }
            DateOrder guess = dotted > ambiguous / 2 ? DMY : MDY;
            return new Decision(
                    guess,
                    "ambiguous: no date has a part above 12; assumed " + guess
                            + (guess == MDY ? " (US, as Mindbody writes)" : " (dotted dates are European)")
                            + "; send dateOrder to choose");
        }
    }

    record Decision(DateOrder order, String note) {}
}
