package io.wellbase.billing.internal.proration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.billing.internal.payments.TakePayment;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.RequestDates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Changing a membership's plan with proration: preview first, then confirm with the amount previewed. */
@RestController
@Tag(name = "Billing")
class PlanChangesController {

    private final PlanChangeFlow flow;
    private final OrganizationProfiles organizations;
    private final Clock clock;

    PlanChangesController(PlanChangeFlow flow, OrganizationProfiles organizations, Clock clock) {
        this.flow = flow;
        this.organizations = organizations;
        this.clock = clock;
    }

    record PreviewBody(@Nullable UUID planId, @Nullable String on) {}

    record ConfirmBody(
            @Nullable UUID planId,
            @Nullable String on,
            @Nullable Long expectedDue,
            @Nullable String method,
            @Nullable String paymentMethodId) {}

    @PostMapping("/api/v1/memberships/{id}/plan-change/preview")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(
            summary = "Prorate a change to another plan (on defaults to today): credit for the old plan's unused days,"
                    + " charge for the new plan's, and the difference due")
    PlanChangeFlow.Preview preview(Caller caller, @PathVariable UUID id, @RequestBody PreviewBody b) {
        UUID org = caller.requireOrganization();
        if (b.planId() == null) {
            throw ApiException.invalidField("planId", "must name the plan to change to");
        }
        return flow.preview(org, id, b.planId(), day(org, b.on()));
    }

    @PostMapping("/api/v1/memberships/{id}/plan-change")
    @RequiresPermission(Permission.MEMBERSHIP_SELL)
    @Operation(
            summary = "Confirm a plan change: the difference is charged (method as for payments) or owed to the client"
                    + " as a credit note, then the plan changes; expectedDue refuses it if the amount moved")
    PlanChangeFlow.Outcome confirm(Caller caller, @PathVariable UUID id, @RequestBody ConfirmBody b) {
        UUID org = caller.requireOrganization();
        caller.require(Permission.PAYMENT_TAKE);
        if (b.planId() == null) {
            throw ApiException.invalidField("planId", "must name the plan to change to");
        }
        String method = b.method() == null ? "cash" : b.method();
        if (!method.equals("card") && !TakePayment.MANUAL_METHODS.contains(method)) {
            throw ApiException.invalidField(
                    "method", "must be card, cash, card_terminal, bank_transfer, complimentary or other");
        }
        return flow.confirm(
                org, id, b.planId(), day(org, b.on()), b.expectedDue(), method, b.paymentMethodId(), caller.userId());
    }

    private LocalDate day(UUID org, @Nullable String on) {
        var zone = organizations.find(org).orElseThrow().zone();
        return RequestDates.date("on", on, LocalDate.now(clock.withZone(zone)));
    }
}
