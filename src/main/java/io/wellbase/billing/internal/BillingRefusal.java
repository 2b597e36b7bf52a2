package io.wellbase.billing.internal;

import java.util.Map;

/**
 * What the billing use cases refuse, as domain outcomes; {@link BillingProblems} maps each reason to its problem
 * (status and stable code) in one place. {@code properties} travel into the problem (a failed payment's id).
 */
public final class BillingRefusal extends RuntimeException {

    /** Why, with the problem code and status the API answers. */
    public enum Reason {
        NOT_FOUND("not_found", "Not found", 404),
        STRIPE_NOT_CONNECTED("billing.stripe_not_connected", "The organization has not connected Stripe", 409),
        NO_SAVED_CARD("billing.no_saved_card", "The client has no saved card", 409),
        NOTHING_DUE("billing.nothing_due", "Nothing is due", 409),
        ORDER_NOT_PAYABLE("billing.order_not_payable", "The order is not waiting for payment", 409),
        PAYMENT_IN_PROGRESS("billing.payment_in_progress", "A payment for this is already pending or succeeded", 409),
        NOT_REFUNDABLE("billing.payment_not_refundable", "Only a succeeded payment can be refunded", 409),
        REFUND_EXCEEDS_CAPTURED("billing.refund_exceeds_captured", "More would be refunded than was captured", 422),
        CARD_DECLINED("billing.card_declined", "The card was declined", 402),
        PROVIDER_REFUSED("billing.provider_refused", "Stripe refused the request", 422),
        PROVIDER_UNAVAILABLE("billing.provider_unavailable", "Stripe could not be reached", 503),
        INVOICE_WRONG_STATUS("billing.invoice_wrong_status", "The invoice's status does not allow this", 409),
        PLAN_CHANGE_INVALID("billing.plan_change_invalid", "The membership cannot move to that plan", 422),
        PRORATION_CHANGED("billing.proration_changed", "The amount due is no longer the one previewed", 409);

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
    private final Map<String, Object> properties;

    public BillingRefusal(Reason reason, String detail) {
        this(reason, detail, Map.of());
    }

    public BillingRefusal(Reason reason, String detail, Map<String, Object> properties) {
        super(detail);
        this.reason = reason;
        this.properties = Map.copyOf(properties);
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
