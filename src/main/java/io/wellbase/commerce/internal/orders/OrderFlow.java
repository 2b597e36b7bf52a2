package io.wellbase.commerce.internal.orders;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.commerce.CommerceProperties;
import io.wellbase.commerce.OrderPaid;
import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.commerce.internal.routines.RecommendationCache;
import io.wellbase.commerce.internal.stock.StockLevels;
import io.wellbase.platform.data.AfterCommit;
import io.wellbase.platform.data.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an order's life, each in one transaction that takes the order's row lock first: placing reserves
 * the stock (all or nothing), paying records the payment by hand and tells the rest of Wellbase ({@link OrderPaid}),
 * fulfilling takes the units off the shelf, cancelling or expiring lets them go, refunding gives money back (never
 * more than was paid, also under concurrent refunds) and may put units back.
 */
@Service
class OrderFlow {

    private final OrderStore orders;
    private final OrderDrafting drafting;
    private final StockLevels stock;
    private final RecommendationCache recommendations;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final CommerceProperties properties;
    private final Clock clock;

    OrderFlow(
            OrderStore orders,
            OrderDrafting drafting,
            StockLevels stock,
            RecommendationCache recommendations,
            ApplicationEventPublisher events,
            AuditTrail audit,
            CommerceProperties properties,
            Clock clock) {
        this.orders = orders;
        this.drafting = drafting;
        this.stock = stock;
        this.recommendations = recommendations;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new order, checked for shape: placed at once unless {@code draft}. */
    record NewOrder(
            UUID clientId,
            UUID locationId,
            String currency,
            Map<UUID, Integer> units,
            Pricing.Discount discount,
            @Nullable String note,
            boolean draft) {}

    @Transactional
    OrderStore.Order create(UUID org, NewOrder n, UUID by) {
        UUID id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OrderStore.Order o = n.draft()
                ? drafting.price(
                        org,
                        id,
                        n.clientId(),
                        n.locationId(),
                        n.currency(),
                        n.units(),
                        n.discount(),
                        n.note(),
                        OrderStatus.DRAFT.value(),
                        null,
                        null,
                        null)
                : drafting.price(
                        org,
                        id,
                        n.clientId(),
                        n.locationId(),
                        n.currency(),
                        n.units(),
                        n.discount(),
                        n.note(),
                        OrderStatus.PENDING_PAYMENT.value(),
                        null,
                        now,
                        now.plus(properties.reservation()));
        OrderStore.Order created = orders.insert(o, org, by);
        audit.record(AuditRecord.of(
                org,
                n.draft() ? "order.drafted" : "order.placed",
                "order",
                id,
                AuditChange.created(Map.of("clientId", n.clientId(), "total", o.total(), "currency", o.currency()))));
        if (!n.draft()) {
            // last, so that the stock rows are locked only for the reservation and the commit
            stock.reserve(org, n.locationId(), o.reservedUnits());
            forgetRecommendations(org, n.clientId());
        }
        return created;
    }

    /** Changes a draft's items (at today's prices). */
    @Transactional
    OrderStore.Order changeDraft(
            UUID org, UUID id, Map<UUID, Integer> units, Pricing.Discount discount, @Nullable String note) {
        OrderStore.Order current = locked(org, id);
        requireStatus(current, EnumSet.of(OrderStatus.DRAFT), "Only a draft's items can change");
        OrderStore.Order changed = drafting.price(
                org,
                id,
                current.clientId(),
                current.locationId(),
                current.currency(),
                units,
                discount,
                note != null ? note : current.note(),
                OrderStatus.DRAFT.value(),
                current.reorderedFrom(),
                null,
                null);
        orders.replaceDraft(org, changed);
        audit.record(AuditRecord.of(
                org,
                "order.draft_changed",
                "order",
                id,
                Map.of("total", new AuditChange(current.total(), changed.total()))));
        return orders.find(org, id).orElseThrow();
    }

    /** Places a draft: re-priced at today's prices, its stock reserved. */
    @Transactional
    OrderStore.Order place(UUID org, UUID id) {
        OrderStore.Order current = locked(org, id);
        requireStatus(current, EnumSet.of(OrderStatus.DRAFT), "Only a draft can be placed");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Pricing.Discount kept =
                current.discount() > 0 ? new Pricing.Discount(current.discount(), 0) : Pricing.Discount.NONE;
        OrderStore.Order placed = drafting.price(
                org,
                id,
                current.clientId(),
                current.locationId(),
                current.currency(),
                current.units(),
                kept,
                current.note(),
                OrderStatus.DRAFT.value(),
                current.reorderedFrom(),
                now,
                now.plus(properties.reservation()));
        orders.replaceDraft(org, placed);
        orders.move(
                org,
                id,
                EnumSet.of(OrderStatus.DRAFT),
                OrderStatus.PENDING_PAYMENT,
                Map.of("placed_at", now, "expires_at", now.plus(properties.reservation())));
        stock.reserve(org, current.locationId(), placed.reservedUnits());
        forgetRecommendations(org, current.clientId());
        audit.record(AuditRecord.of(
                org, "order.placed", "order", id, Map.of("total", new AuditChange(null, placed.total()))));
        return orders.find(org, id).orElseThrow();
    }

    @Transactional
    OrderStore.Order pay(UUID org, UUID id, String method) {
        OrderStore.Order o = locked(org, id);
        requireStatus(o, EnumSet.of(OrderStatus.PENDING_PAYMENT), "Only a placed, unpaid order can be paid");
        OffsetDateTime now = OffsetDateTime.now(clock);
        orders.move(
                org,
                id,
                EnumSet.of(OrderStatus.PENDING_PAYMENT),
                OrderStatus.PAID,
                Map.of("paid_at", now, "payment_method", method));
        events.publishEvent(new OrderPaid(org, id, o.clientId(), o.total(), o.currency(), method, now.toInstant()));
        forgetRecommendations(org, o.clientId());
        audit.record(AuditRecord.of(
                org,
                "order.paid",
                "order",
                id,
                Map.of("paymentMethod", new AuditChange(null, method), "total", new AuditChange(null, o.total()))));
        return orders.find(org, id).orElseThrow();
    }

    @Transactional
    OrderStore.Order fulfil(UUID org, UUID id, UUID by) {
        OrderStore.Order o = locked(org, id);
        requireStatus(o, EnumSet.of(OrderStatus.PAID), "Only a paid order can be handed over");
        orders.move(
                org,
                id,
                EnumSet.of(OrderStatus.PAID),
                OrderStatus.FULFILLED,
                Map.of("fulfilled_at", OffsetDateTime.now(clock)));
        stock.fulfil(org, o.locationId(), o.reservedUnits(), id, by);
        audit.record(AuditRecord.of(org, "order.fulfilled", "order", id, Map.of()));
        return orders.find(org, id).orElseThrow();
    }

    /** Cancels a draft or an unpaid order ({@code expired} when its reservation ran out); its stock is let go. */
    @Transactional
    OrderStore.Order cancel(UUID org, UUID id, String reason) {
        OrderStore.Order o = locked(org, id);
        requireStatus(o, OrderStatus.CANCELLABLE, "A paid order is refunded, not cancelled");
        orders.move(
                org,
                id,
                OrderStatus.CANCELLABLE,
                OrderStatus.CANCELLED,
                Map.of("cancelled_at", OffsetDateTime.now(clock), "cancel_reason", reason));
        if (o.state() == OrderStatus.PENDING_PAYMENT) {
            stock.release(org, o.locationId(), o.reservedUnits());
        }
        audit.record(
                AuditRecord.of(org, "order.cancelled", "order", id, Map.of("reason", new AuditChange(null, reason))));
        return orders.find(org, id).orElseThrow();
    }

    /** Lets an unpaid order go when its reservation ran out; false when it was paid or cancelled meanwhile. */
    @Transactional
    boolean expire(UUID org, UUID id) {
        OrderStore.Order o = orders.lock(org, id).orElse(null);
        if (o == null
                || o.state() != OrderStatus.PENDING_PAYMENT
                || o.expiresAt() == null
                || o.expiresAt().toInstant().isAfter(clock.instant())) {
            return false;
        }
        orders.move(
                org,
                id,
                EnumSet.of(OrderStatus.PENDING_PAYMENT),
                OrderStatus.CANCELLED,
                Map.of("cancelled_at", OffsetDateTime.now(clock), "cancel_reason", "expired"));
        stock.release(org, o.locationId(), o.reservedUnits());
        audit.record(AuditRecord.of(org, "order.expired", "order", id, Map.of()));
        return true;
    }

    /** A new draft with the same items at today's prices; items no longer sold are left out and named. */
    record Reordered(OrderStore.Order order, List<OrderStore.Item> unavailable) {}

    @Transactional
    Reordered reorder(UUID org, OrderStore.Order source, Set<UUID> sellable, UUID by) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        List<OrderStore.Item> unavailable = new java.util.ArrayList<>();
        for (OrderStore.Item item : source.items()) {
            if (sellable.contains(item.productId())) {
                units.merge(item.productId(), item.quantity(), Integer::sum);
            } else {
                unavailable.add(item);
            }
        }
        if (units.isEmpty()) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.PRODUCT_UNAVAILABLE,
                    "None of the order's products is sold any more",
                    unavailable.stream().map(i -> i.productId().toString()).toList());
        }
        UUID id = Ids.newId();
        OrderStore.Order draft = drafting.price(
                org,
                id,
                source.clientId(),
                source.locationId(),
                source.currency(),
                units,
                Pricing.Discount.NONE,
                null,
                OrderStatus.DRAFT.value(),
                source.id(),
                null,
                null);
        OrderStore.Order created = orders.insert(draft, org, by);
        audit.record(AuditRecord.of(
                org, "order.reordered", "order", id, Map.of("reorderedFrom", new AuditChange(null, source.id()))));
        return new Reordered(created, List.copyOf(unavailable));
    }

    OrderStore.Order locked(UUID org, UUID id) {
        return orders.lock(org, id)
                .orElseThrow(() -> new CommerceRefusal(CommerceRefusal.Reason.NOT_FOUND, "Order not found"));
    }

    static void requireStatus(OrderStore.Order o, Set<OrderStatus> allowed, String detail) {
        if (!allowed.contains(o.state())) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.WRONG_STATUS, detail + " (this one is " + o.status() + ")");
        }
    }

    private void forgetRecommendations(UUID org, UUID client) {
        recommendations.forget(org, client);
        AfterCommit.run(() -> recommendations.forget(org, client));
    }
}
