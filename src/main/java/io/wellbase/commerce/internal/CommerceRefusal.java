package io.wellbase.commerce.internal;

import java.util.List;

/**
 * What the commerce use cases refuse, as domain outcomes: the web layer maps each reason to its problem
 * (status and stable code) in one place, {@link CommerceProblems}.
 */
public final class CommerceRefusal extends RuntimeException {

    /** Why, with the problem code and status the API answers. */
    public enum Reason {
        OUT_OF_STOCK("order.out_of_stock", "Not enough stock at the location for the order", 409),
        PRODUCT_UNAVAILABLE("order.product_unavailable", "A product of the order was deleted or deactivated", 409),
        WRONG_STATUS("order.wrong_status", "The order's status does not allow this", 409),
        REFUND_EXCEEDS_PAYMENT("order.refund_exceeds_payment", "More would be refunded than was paid", 422),
        REFUND_THROUGH_PAYMENT(
                "order.refund_through_payment",
                "An order paid by card is refunded through its payment, so that the money goes back to the card",
                409),
        STOCK_TOO_LOW(
                "inventory.insufficient_stock",
                "The movement would take stock below zero or below what is reserved",
                409),
        CATEGORY_CYCLE("category.cycle", "A category cannot be inside itself", 422),
        CATEGORY_IN_USE("category.in_use", "The category still has products or subcategories", 409),
        NOT_FOUND("not_found", "Not found", 404),
        SKU_TAKEN("product.sku_taken", "Another product has this sku", 409);

        private final String code;
        private final String summary;
        private final int status;

        Reason(String code, String summary, int status) {
            this.code = code;
            this.summary = summary;
            this.status = status;
        }

        public String summary() {
            return summary;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final List<String> items;

    public CommerceRefusal(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    /** {@code items}: the product ids (or skus) the refusal is about. */
    public CommerceRefusal(Reason reason, String detail, List<String> items) {
        super(detail);
        this.reason = reason;
        this.items = List.copyOf(items);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> items() {
        return items;
    }
}
