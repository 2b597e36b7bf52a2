package io.wellbase.memberships.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in client's own purchases in the portal. Another client's sale is 404; the staff's note
 * on a sale stays with the staff.
 */
@RestController
@Tag(name = "Client portal")
class PortalSalesController {

    private static final SortSpec SORT = SortSpec.of(Map.of("soldAt", "sold_at"), "-soldAt", "id");

    /** A purchase as its client sees it; amounts in minor units of {@code currency}. */
    record Purchase(
            UUID id,
            OffsetDateTime soldAt,
            String currency,
            long subtotal,
            long discount,
            long tax,
            long total,
            long refunded,
            String paymentMethod,
            List<SalesService.Item> items) {

        static Purchase of(SalesService.Sale s) {
            return new Purchase(
                    s.id(),
                    s.soldAt(),
                    s.currency(),
                    s.subtotal(),
                    s.discount(),
                    s.tax(),
                    s.total(),
                    s.refunded(),
                    s.paymentMethod(),
                    s.items());
        }
    }

    private final SalesService sales;
    private final ClientAccounts accounts;

    PortalSalesController(SalesService sales, ClientAccounts accounts) {
        this.sales = sales;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/portal/sales")
    @Operation(summary = "Your own purchases, newest first, with their items and what was refunded")
    PageResult<Purchase> list(Caller caller, @Paged PageQuery page) {
        UUID self = accounts.requireSelf(caller);
        return sales.list(caller.requireOrganization(), self, page).map(Purchase::of);
    }

    @GetMapping("/api/v1/portal/sales/{id}")
    @Operation(summary = "One of your own purchases")
    Purchase get(Caller caller, @PathVariable UUID id) {
        UUID self = accounts.requireSelf(caller);
        SalesService.Sale sale = sales.get(caller.requireOrganization(), id);
        if (!self.equals(sale.clientId())) {
            throw ApiException.notFound("Sale");
        }
        return Purchase.of(sale);
    }
}
