package io.wellbase.commerce;

import java.util.Optional;
import java.util.UUID;

/**
 * What billing asks of an order it takes a payment for: what is owed, and marking it paid once the money is
 * captured (the same move as a payment recorded by hand: the stock stays reserved, {@link OrderPaid} follows).
 */
public interface OrderPayments {

    /** The order of the organization, empty when unknown. */
    Optional<Payable> payable(UUID organizationId, UUID orderId);

    /**
     * Marks a placed order paid with {@code method}; answers false, changing nothing, when it is no longer
     * waiting for payment (paid meanwhile, cancelled or expired).
     */
    boolean markPaid(UUID organizationId, UUID orderId, String method);

    /**
     * Records on the order that {@code amount} of its payment went back (a money-only refund: nothing restocked),
     * after billing refunded the payment; {@code by} is empty when the refund was made at the provider.
     */
    void refunded(
            UUID organizationId, UUID orderId, long amount, String reason, @org.jspecify.annotations.Nullable UUID by);

    /** An order's amount due. {@code awaitingPayment} is true only for a placed, unpaid order. */
    record Payable(UUID orderId, long number, UUID clientId, long total, String currency, boolean awaitingPayment) {}
}
