package io.wellbase.memberships;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/**
 * How imported rows become sales and what clients hold of plans. Both merges expect the importer's
 * {@code client_map} (from the clients module) with the unknown and erased clients already rejected.
 */
public interface MembershipImports {

    /** The staged columns of a sales import, after {@code ext_id} (the Sale ID; a row's own key without one). */
    String SALE_COLUMNS = "row_key text, sold_at timestamp, client_ext text, item_name text, quantity int, "
            + "amount bigint, currency text, payment_method text, payment_label text";

    /** The staged columns of a memberships or pricing-options import, after {@code ext_id}. */
    String HOLDING_COLUMNS =
            "client_ext text, plan_name text, starts_on date, ends_on date, credits int, remaining int, "
                    + "status text";

    /** A class pack without an expiry date is kept this long. */
    int YEARS_WITHOUT_EXPIRY = 10;

    /** What a holdings file holds: memberships (unlimited plans) or pricing options (class packs). */
    enum Holding {
        MEMBERSHIP("membership", "unlimited"),
        PRICING_OPTION("pricing_option", "class_pack");

        private final String entityType;
        private final String planKind;

        Holding(String entityType, String planKind) {
            this.entityType = entityType;
            this.planKind = planKind;
        }

        /** The name its imported ids are remembered under. */
        public String entityType() {
            return entityType;
        }

        /** The kind of plan a name the file introduces is created as. */
        public String planKind() {
            return planKind;
        }
    }

    /**
     * Merges staged sale items, grouped into sales by {@code ext_id}: a sale imported before is replaced
     * when its items, total, date or payment changed (not below what was refunded of it).
     */
    MergeResult mergeSales(ImportStage stage);

    /**
     * Merges staged holdings: plans are found by name or created (price 0), a holding's status follows
     * its dates unless given, and remaining classes become the credit balance (a grant and an adjustment
     * for what was used; on a later import an adjustment to the new balance; the ledger is never rewritten).
     */
    MergeResult mergeHoldings(ImportStage stage, Holding holding);
}
