package io.wellbase.memberships.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales and refunds.
 */
@RestController
@Tag(name = "Sales")
class SalesController {

    private static final SortSpec SORT = SortSpec.of(Map.of("soldAt", "sold_at"), "-soldAt", "id");

    private final SalesService sales;

    SalesController(SalesService sales) {
        this.sales = sales;
    }

    record RefundRequest(
            @NotNull @Min(1) Long amount, @Size(max = 500) String reason) {}

    @GetMapping("/api/v1/sales")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "Sales, newest first; filter by clientId")
    PageResult<SalesService.Sale> list(
            CurrentOrganization org, @RequestParam(required = false) UUID clientId, @Paged PageQuery page) {
        return sales.list(org.id(), clientId, page);
    }

    @GetMapping("/api/v1/sales/{id}")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "One sale with its items")
    SalesService.Sale get(CurrentOrganization org, @PathVariable UUID id) {
        return sales.get(org.id(), id);
    }

    @PostMapping("/api/v1/sales/{id}/refunds")
    @RequiresPermission(Permission.MEMBERSHIP_MANAGE)
    @Operation(summary = "Refund part or all of a sale; refunds never exceed what was paid")
    SalesService.Sale refund(Caller caller, @PathVariable UUID id, @Valid @RequestBody RefundRequest r) {
        return sales.refund(caller.requireOrganization(), id, r.amount(), r.reason(), caller.userId());
    }
}
