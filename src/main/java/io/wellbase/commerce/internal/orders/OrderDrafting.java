package io.wellbase.commerce.internal.orders;

import io.wellbase.commerce.internal.CommerceRefusal;
import io.wellbase.commerce.internal.Money;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException.FieldError;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns asked-for items into priced order lines at today's prices: quantities are whole and positive, each product
 * is the organization's, live and active, in the order's currency; the same product asked twice becomes one line.
 */
@Component
class OrderDrafting {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 1000;

    private final ProductStore products;

    OrderDrafting(ProductStore products) {
        this.products = products;
    }

    /** One asked-for item; the quantity is a number so that a fraction is refused rather than cut. */
    record ItemBody(@Nullable UUID productId, @Nullable Number quantity) {}

    /** A discount: {@code amount} in minor units, or {@code percent} (up to 2 decimals). */
    record DiscountBody(@Nullable Number amount, @Nullable Number percent) {}

    /** Units asked per product, checked for shape, in the order first asked. */
    Map<UUID, Integer> units(@Nullable List<ItemBody> items, List<FieldError> errors) {
        Map<UUID, Integer> units = new LinkedHashMap<>();
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "1 to " + MAX_ITEMS + " items"));
            return units;
        }
        for (int i = 0; i < items.size(); i++) {
            ItemBody item = items.get(i);
            if (item == null || item.productId() == null) {
                errors.add(new FieldError("items[" + i + "].productId", "is required"));
                continue;
            }
            Integer q = Money.quantity(item.quantity(), MAX_QUANTITY, "items[" + i + "].quantity", errors);
            if (q != null) {
                units.merge(item.productId(), q, Integer::sum);
            }
        }
        units.forEach((product, q) -> {
            if (q > MAX_QUANTITY) {
                errors.add(new FieldError("items", "at most " + MAX_QUANTITY + " of one product"));
            }
        });
        return units;
    }

    Pricing.@Nullable Discount discount(@Nullable DiscountBody body, List<FieldError> errors) {
        if (body == null) {
            return Pricing.Discount.NONE;
        }
        if ((body.amount() == null) == (body.percent() == null)) {
            errors.add(new FieldError("discount", "give either amount (minor units) or percent"));
            return null;
        }
        if (body.amount() != null) {
            BigDecimal a = new BigDecimal(body.amount().toString());
            if (a.signum() < 0 || a.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError("discount.amount", "a whole, non-negative number of minor units"));
                return null;
            }
            return new Pricing.Discount(a.longValueExact(), 0);
        }
        BigDecimal p = new BigDecimal(body.percent().toString());
        if (p.signum() < 0
                || p.compareTo(BigDecimal.valueOf(100)) > 0
                || p.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("discount.percent", "from 0 to 100 with at most 2 decimals"));
            return null;
        }
        return new Pricing.Discount(0, p.movePointRight(2).intValueExact());
    }

    /**
     * Prices the units at today's prices. Products that are unknown to the organization are field errors; products
     * deleted or deactivated since (a draft, a reorder) are refused as unavailable, naming them.
     */
    OrderStore.Order price(
            UUID org,
            UUID id,
            UUID client,
            UUID location,
            String currency,
            Map<UUID, Integer> units,
            Pricing.Discount discount,
            @Nullable String note,
            String status,
            @Nullable UUID reorderedFrom,
            @Nullable OffsetDateTime placedAt,
            @Nullable OffsetDateTime expiresAt) {
        boolean reserving = placedAt != null;
        Map<UUID, ProductStore.Product> found = products.findAll(org, units.keySet());
        List<String> unavailable = units.keySet().stream()
                .filter(p -> !found.containsKey(p) || !found.get(p).active())
                .map(UUID::toString)
                .toList();
        if (!unavailable.isEmpty()) {
            throw new CommerceRefusal(
                    CommerceRefusal.Reason.PRODUCT_UNAVAILABLE,
                    unavailable.size() + " of the products are not (or no longer) sold here",
                    unavailable);
        }
        List<UUID> order = new ArrayList<>(units.keySet());
        List<Pricing.Line> lines = order.stream()
                .map(p -> new Pricing.Line(
                        found.get(p).price().amount(),
                        units.get(p),
                        found.get(p).taxRateBp()))
                .toList();
        Pricing.Priced priced = Pricing.price(lines, discount);
        List<OrderStore.Item> items = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            ProductStore.Product p = found.get(order.get(i));
            if (!p.price().currency().equals(currency)) {
                throw new CommerceRefusal(
                        CommerceRefusal.Reason.PRODUCT_UNAVAILABLE,
                        p.sku() + " is priced in " + p.price().currency() + ", not " + currency,
                        List.of(p.id().toString()));
            }
            Pricing.PricedLine line = priced.lines().get(i);
            items.add(new OrderStore.Item(
                    Ids.newId(),
                    i,
                    p.id(),
                    p.sku(),
                    p.title(),
                    units.get(p.id()),
                    p.price().amount(),
                    line.discount(),
                    p.taxRateBp(),
                    line.tax(),
                    line.total(),
                    0,
                    reserving && p.trackStock()));
        }
        return new OrderStore.Order(
                id,
                0,
                client,
                location,
                status,
                currency,
                priced.subtotal(),
                priced.discount(),
                priced.tax(),
                priced.total(),
                0,
                null,
                note,
                reorderedFrom,
                placedAt,
                expiresAt,
                null,
                null,
                null,
                null,
                OffsetDateTime.now(),
                List.copyOf(items));
    }

    /** Which of these products can be ordered today (live and active). */
    java.util.Set<UUID> sellable(UUID org, java.util.Collection<UUID> ids) {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        products.findAll(org, ids).values().stream()
                .filter(ProductStore.Product::active)
                .forEach(p -> out.add(p.id()));
        return out;
    }
}
