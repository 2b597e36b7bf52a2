package io.wellbase.commerce.internal.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.RequestDates;
import io.wellbase.platform.web.SortSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders: staff with {@code order.sell} place them for any client and hand them over (payments, by hand or by card,
 * are taken by billing: {@code POST /api/v1/payments} with the order's id); a
 * client places, sees, cancels and reorders only their own. Another client's order is a 404 to a client.
 */
@RestController
@Tag(name = "Commerce")
class OrdersController {

    static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id DESC");

    private final OrderFlow flow;
    private final OrderRefunds refunds;
    private final OrderStore store;
    private final OrderDrafting drafting;
    private final ClientAccounts accounts;
    private final ClientDirectory clients;
    private final Locations locations;
    private final OrganizationProfiles organizations;

    OrdersController(
            OrderFlow flow,
            OrderRefunds refunds,
            OrderStore store,
            OrderDrafting drafting,
            ClientAccounts accounts,
            ClientDirectory clients,
            Locations locations,
            OrganizationProfiles organizations) {
        this.flow = flow;
        this.refunds = refunds;
        this.store = store;
        this.drafting = drafting;
        this.accounts = accounts;
        this.clients = clients;
        this.locations = locations;
        this.organizations = organizations;
    }

    record OrderBody(
            @Nullable List<OrderDrafting.ItemBody> items,
            @Nullable UUID locationId,
            @Nullable UUID clientId,
            OrderDrafting.@Nullable DiscountBody discount,
            @Nullable String note,
            @Nullable Boolean draft) {}

    record CancelBody(@Nullable String reason) {}

    record RefundItem(@Nullable UUID itemId, @Nullable Number quantity) {}

    record RefundBody(
            @Nullable Number amount,
            @Nullable List<RefundItem> items,
            @Nullable String reason,
            @Nullable Boolean restock) {}

    /** An order with its refunds. */
    record Detail(OrderStore.Order order, List<OrderRefunds.Refund> refunds) {}

    @PostMapping("/api/v1/orders")
    @Operation(
            summary =
                    "Place an order (its stock reserved until paid, or until the reservation runs out), or keep it as a"
                            + " draft with draft: true. Staff name the client; a client orders for themself")
    @org.springframework.transaction.annotation.Transactional
    ResponseEntity<OrderStore.Order> create(Caller caller, @RequestBody OrderBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        UUID client = client(caller, org, b.clientId(), errors);
        if (b.locationId() == null || locations.find(org, b.locationId()).isEmpty()) {
            errors.add(new ApiException.FieldError("locationId", "must be a location of this organization"));
        }
        Map<UUID, Integer> units = drafting.units(b.items(), errors);
        Pricing.Discount discount = discount(caller, b.discount(), errors);
        String note = note(b.note(), errors);
        ApiException.throwIfInvalid(errors);
        String currency = organizations.find(org).orElseThrow().currency();
        OrderStore.Order o = flow.create(
                org,
                new OrderFlow.NewOrder(
                        client, b.locationId(), currency, units, discount, note, Boolean.TRUE.equals(b.draft())),
                caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).body(o);
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "Orders, newest first: a client's own; staff filter by clientId, status, locationId, from, to")
    PageResult<OrderStore.Order> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID locationId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @Paged PageQuery page) {
        UUID org = caller.requireOrganization();
        UUID client = clientId;
        if (caller.role() == Role.CLIENT) {
            client = accounts.requireSelf(caller);
        } else {
            caller.require(Permission.ORDER_SELL);
        }
        if (status != null && OrderStatus.of(status).isEmpty()) {
            throw ApiException.invalidField("status", "draft, pending_payment, paid, fulfilled, cancelled or refunded");
        }
        OrderStore.Filter f = new OrderStore.Filter(
                client, status, locationId, RequestDates.instant("from", from), RequestDates.instant("to", to));
        return PageResult.of(store.list(org, f, page.pageSize(), page.offset()), page, store.count(org, f));
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "One order with its items and refunds")
    Detail get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        OrderStore.Order o = readable(caller, org, id);
        return new Detail(o, refunds.of(org, id));
    }

    @PatchMapping("/api/v1/orders/{id}")
    @Operation(summary = "Change a draft's items, discount (staff) or note; priced again at today's prices")
    OrderStore.Order change(Caller caller, @PathVariable UUID id, @RequestBody OrderBody b) {
        UUID org = caller.requireOrganization();
        OrderStore.Order o = readable(caller, org, id);
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (b.clientId() != null || b.locationId() != null) {
            errors.add(
                    new ApiException.FieldError(b.clientId() != null ? "clientId" : "locationId", "cannot be changed"));
        }
        Map<UUID, Integer> units = b.items() != null ? drafting.units(b.items(), errors) : o.units();
        Pricing.Discount discount = b.discount() != null
                ? discount(caller, b.discount(), errors)
                : o.discount() > 0 ? new Pricing.Discount(o.discount(), 0) : Pricing.Discount.NONE;
        String note = note(b.note(), errors);
        ApiException.throwIfInvalid(errors);
        return flow.changeDraft(org, id, units, discount, note);
    }

    @PostMapping("/api/v1/orders/{id}/place")
    @Operation(
            summary =
                    "Place a draft: priced at today's prices, its stock reserved (409 when short, naming the products)")
    OrderStore.Order place(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        readable(caller, org, id);
        return flow.place(org, id);
    }

    @PostMapping("/api/v1/orders/{id}/fulfil")
    @RequiresPermission(Permission.ORDER_SELL)
    @Operation(summary = "Hand a paid order over: its units leave the location's stock")
    OrderStore.Order fulfil(Caller caller, @PathVariable UUID id) {
        return flow.fulfil(caller.requireOrganization(), id, caller.userId());
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel a draft or an unpaid order (its stock is let go); a paid order is refunded instead")
    OrderStore.Order cancel(
            Caller caller, @PathVariable UUID id, @RequestBody(required = false) @Nullable CancelBody b) {
        UUID org = caller.requireOrganization();
        readable(caller, org, id);
        String reason = b == null || b.reason() == null || b.reason().isBlank()
                ? "cancelled"
                : b.reason().strip();
        if (reason.length() > 500) {
            throw ApiException.invalidField("reason", "at most 500 characters");
        }
        return flow.cancel(org, id, reason);
    }

    @PostMapping("/api/v1/orders/{id}/refunds")
    @RequiresPermission(Permission.ORDER_REFUND)
    @Operation(
            summary =
                    "Refund a paid order: an amount, or items by id and quantity (restock puts handed-over units back);"
                            + " never more than was paid")
    ResponseEntity<OrderRefunds.Refund> refund(Caller caller, @PathVariable UUID id, @RequestBody RefundBody b) {
        UUID org = caller.requireOrganization();
        if (store.find(org, id).map(o -> "card".equals(o.paymentMethod())).orElse(false)) {
            throw new io.wellbase.commerce.internal.CommerceRefusal(
                    io.wellbase.commerce.internal.CommerceRefusal.Reason.REFUND_THROUGH_PAYMENT,
                    "This order was paid by card: refund it with POST /api/v1/payments/{id}/refund");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        Long amount = null;
        if (b.amount() != null) {
            java.math.BigDecimal a = new java.math.BigDecimal(b.amount().toString());
            if (a.signum() <= 0 || a.stripTrailingZeros().scale() > 0) {
                errors.add(new ApiException.FieldError("amount", "a whole, positive number of minor units"));
            } else {
                amount = a.longValueExact();
            }
        }
        Map<UUID, Integer> items = new LinkedHashMap<>();
        if (b.items() != null) {
            for (int i = 0; i < b.items().size(); i++) {
                RefundItem item = b.items().get(i);
                if (item == null || item.itemId() == null) {
                    errors.add(new ApiException.FieldError("items[" + i + "].itemId", "is required"));
                    continue;
                }
                Integer q = io.wellbase.commerce.internal.Money.quantity(
                        item.quantity(), OrderDrafting.MAX_QUANTITY, "items[" + i + "].quantity", errors);
                if (q != null) {
                    items.merge(item.itemId(), q, Integer::sum);
                }
            }
        }
        if (amount == null && items.isEmpty()) {
            errors.add(new ApiException.FieldError("amount", "give an amount or items to refund"));
        }
        if (b.reason() == null || b.reason().isBlank() || b.reason().length() > 500) {
            errors.add(new ApiException.FieldError("reason", "1 to 500 characters"));
        }
        ApiException.throwIfInvalid(errors);
        OrderRefunds.Refund r = refunds.refund(
                org,
                id,
                new OrderRefunds.Ask(amount, items, b.reason().strip(), Boolean.TRUE.equals(b.restock())),
                caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id)).body(r);
    }

    @PostMapping("/api/v1/orders/{id}/reorder")
    @Operation(summary = "A new draft with the order's items at today's prices; items no longer sold are listed apart")
    ResponseEntity<OrderFlow.Reordered> reorder(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        OrderStore.Order source = readable(caller, org, id);
        OrderFlow.Reordered r =
                flow.reorder(org, source, drafting.sellable(org, source.units().keySet()), caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + r.order().id()))
                .body(r);
    }

    /** The order, if the caller may see it: staff with {@code order.sell}, or the client it belongs to. */
    OrderStore.Order readable(Caller caller, UUID org, UUID id) {
        OrderStore.Order o = store.find(org, id).orElseThrow(() -> ApiException.notFound("Order"));
        if (caller.role() == Role.CLIENT) {
            if (!o.clientId().equals(accounts.requireSelf(caller))) {
                throw ApiException.notFound("Order");
            }
        } else {
            caller.require(Permission.ORDER_SELL);
        }
        return o;
    }

    private UUID client(Caller caller, UUID org, @Nullable UUID asked, List<ApiException.FieldError> errors) {
        if (caller.role() == Role.CLIENT) {
            UUID self = accounts.requireSelf(caller);
            if (asked != null && !asked.equals(self)) {
                throw ApiException.forbidden("order.for_another_client", "A client orders only for themself");
            }
            return self;
        }
        caller.require(Permission.ORDER_SELL);
        if (asked == null || clients.find(org, asked).isEmpty()) {
            errors.add(new ApiException.FieldError("clientId", "must be a client of this organization"));
        }
        return asked;
    }

    private Pricing.Discount discount(
            Caller caller, OrderDrafting.@Nullable DiscountBody body, List<ApiException.FieldError> errors) {
        if (body != null && caller.role() == Role.CLIENT) {
            errors.add(new ApiException.FieldError("discount", "only staff give discounts"));
            return Pricing.Discount.NONE;
        }
        Pricing.Discount d = drafting.discount(body, errors);
        return d == null ? Pricing.Discount.NONE : d;
    }

    private static @Nullable String note(@Nullable String note, List<ApiException.FieldError> errors) {
        if (note != null && note.length() > 2000) {
            errors.add(new ApiException.FieldError("note", "at most 2,000 characters"));
        }
        return note;
    }
}
