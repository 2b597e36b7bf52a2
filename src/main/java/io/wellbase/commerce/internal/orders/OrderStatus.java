package io.wellbase.commerce.internal.orders;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * An order's life: a draft (a cart, nothing reserved) is placed and waits for payment holding its stock; once paid it
 * is handed over (fulfilled); it may be cancelled before it is paid (or expire unpaid), and refunded once paid.
 */
enum OrderStatus {
    DRAFT("draft"),
    PENDING_PAYMENT("pending_payment"),
    PAID("paid"),
    FULFILLED("fulfilled"),
    CANCELLED("cancelled"),
    REFUNDED("refunded");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<OrderStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** Whether the order still holds stock it reserved (placed, not yet handed over or let go). */
    boolean holdsStock() {
        return this == PENDING_PAYMENT || this == PAID;
    }

    /** The statuses a step may start from. */
    static final Set<OrderStatus> CANCELLABLE = Set.of(DRAFT, PENDING_PAYMENT);

    static final Set<OrderStatus> REFUNDABLE = Set.of(PAID, FULFILLED);
}
