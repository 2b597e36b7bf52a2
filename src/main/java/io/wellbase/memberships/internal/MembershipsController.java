package io.wellbase.memberships.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Selling memberships and managing them: freezes, cancellation, renewal, the credit ledger.
 */
@RestController
@Tag(name = "Memberships")
class MembershipsController {

    private final MembershipService memberships;
    private final CreditLedger ledger;
    private final ClientAccounts clientAccounts;

    MembershipsController(MembershipService memberships, CreditLedger ledger, ClientAccounts clientAccounts) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.clientAccounts = clientAccounts;
    }

    @GetMapping("/api/v1/portal/memberships")
    @Operation(summary = "The signed-in client's own memberships and credit balances")
    Map<String, List<MembershipView>> own(Caller caller) {
        return Map.of("data", memberships.forClient(caller.requireOrganization(), clientAccounts.requireSelf(caller)));
    }

    record SellRequest(
            @NotNull UUID planId,
            LocalDate startsOn,
            @NotBlank String paymentMethod,
            @Min(0) Long discount,
            @Min(0) Long tax,
            @Size(max = 500) String note) {}

    record FreezeRequest(
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {}

    record CancelRequest(
            Boolean atPeriodEnd, @Size(max = 500) String reason) {}

    record RenewRequest(
            @NotBlank String paymentMethod,
            @Min(0) Long discount,
            @Min(0) Long tax) {}

    record AdjustmentRequest(
            @NotNull @Min(-1000) @Max(1000) Integer delta,
            @NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/api/v1/clients/{id}/memberships")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(summary = "Sell or assign a plan to a client; records the sale and grants the plan's credits")
    ResponseEntity<MembershipView> sell(Caller caller, @PathVariable UUID id, @Valid @RequestBody SellRequest r) {
        var sold = memberships.sell(
                caller.requireOrganization(),
                id,
                new MembershipService.Sell(
                        r.planId(),
                        r.startsOn(),
                        r.paymentMethod(),
                        r.discount() == null ? 0 : r.discount(),
                        r.tax() == null ? 0 : r.tax(),
                        r.note(),
                        caller.userId()));
        return ResponseEntity.created(URI.create("/api/v1/memberships/" + sold.id()))
                .body(sold);
    }

    @GetMapping("/api/v1/clients/{id}/memberships")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "A client's memberships, current and past")
    Map<String, List<MembershipView>> forClient(CurrentOrganization org, @PathVariable UUID id) {
        return Map.of("data", memberships.forClient(org.id(), id));
    }

    @GetMapping("/api/v1/memberships/{id}")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "One membership with its balance and freezes")
    MembershipView get(CurrentOrganization org, @PathVariable UUID id) {
        return memberships.get(org.id(), id);
    }

    @PostMapping("/api/v1/memberships/{id}/freezes")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(summary = "Freeze between two dates; the end moves out by the frozen days")
    MembershipView freeze(Caller caller, @PathVariable UUID id, @Valid @RequestBody FreezeRequest r) {
        return memberships.freeze(caller.requireOrganization(), id, r.startsOn(), r.endsOn(), caller.userId());
    }

    @PostMapping("/api/v1/memberships/{id}/cancel")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(summary = "Cancel now (remaining credits expire) or at the end of the period")
    MembershipView cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody CancelRequest r) {
        return memberships.cancel(
                caller.requireOrganization(), id, Boolean.TRUE.equals(r.atPeriodEnd()), r.reason(), caller.userId());
    }

    @PostMapping("/api/v1/memberships/{id}/renew")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(summary = "Renew for one more period and record the sale")
    MembershipView renew(Caller caller, @PathVariable UUID id, @Valid @RequestBody RenewRequest r) {
        return memberships.renew(
                caller.requireOrganization(),
                id,
                r.paymentMethod(),
                r.discount() == null ? 0 : r.discount(),
                r.tax() == null ? 0 : r.tax(),
                caller.userId());
    }

    @GetMapping("/api/v1/memberships/{id}/ledger")
    @RequiresPermission(Permission.MEMBERSHIP_READ)
    @Operation(summary = "Every credit grant, use, refund, expiry and adjustment of the membership")
    @Transactional(readOnly = true)
    Map<String, Object> ledger(CurrentOrganization org, @PathVariable UUID id) {
        memberships.get(org.id(), id);
        return Map.of("data", ledger.entries(org.id(), id), "balance", ledger.balance(org.id(), id));
    }

    @PostMapping("/api/v1/memberships/{id}/adjustments")
    @RequiresPermission(Permission.MEMBERSHIP_MANAGE)
    @Operation(summary = "Add or remove credits by hand, with a reason; the balance never goes below zero")
    @Transactional
    Map<String, Object> adjust(Caller caller, @PathVariable UUID id, @Valid @RequestBody AdjustmentRequest r) {
        UUID orgId = caller.requireOrganization();
        MembershipView m = memberships.get(orgId, id);
        if (m.creditsRemaining() == null) {
            throw ApiException.unprocessable("membership.no_credit_plan", "This membership's plan has no credits");
        }
        if (r.delta() == 0) {
            throw ApiException.invalidField("delta", "must not be zero");
        }
        int balance = ledger.adjust(orgId, m.clientId(), id, r.delta(), "adjustment", r.reason(), caller.userId());
        return Map.of("balance", balance);
    }
}
