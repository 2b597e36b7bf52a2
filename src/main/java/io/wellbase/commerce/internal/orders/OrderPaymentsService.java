package io.wellbase.commerce.internal.orders;

import io.wellbase.commerce.OrderPayments;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Billing's view of orders: {@link OrderPayments} over the order flow. */
@Service
class OrderPaymentsService implements OrderPayments {

    private final OrderStore orders;
    private final OrderFlow flow;
    private final OrderRefunds refunds;

    OrderPaymentsService(OrderStore orders, OrderFlow flow, OrderRefunds refunds) {
        this.orders = orders;
        this.flow = flow;
        this.refunds = refunds;
    }

    @Override
    @Transactional
    public void refunded(
            UUID organizationId, UUID orderId, long amount, String reason, @org.jspecify.annotations.Nullable UUID by) {
        refunds.refund(organizationId, orderId, new OrderRefunds.Ask(amount, java.util.Map.of(), reason, false), by);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Payable> payable(UUID organizationId, UUID orderId) {
        return orders.find(organizationId, orderId)
                .map(o -> new Payable(
                        o.id(),
                        o.number(),
                        o.clientId(),
                        o.total(),
                        o.currency(),
                        o.state() == OrderStatus.PENDING_PAYMENT));
    }

    @Override
    @Transactional
    public boolean markPaid(UUID organizationId, UUID orderId, String method) {
        boolean awaiting = orders.find(organizationId, orderId)
                .map(o -> o.state() == OrderStatus.PENDING_PAYMENT)
                .orElse(false);
        if (!awaiting) {
            return false;
        }
        flow.pay(organizationId, orderId, method);
        return true;
    }
}
