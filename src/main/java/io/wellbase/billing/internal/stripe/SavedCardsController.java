package io.wellbase.billing.internal.stripe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The card a client saves for renewals: a SetupIntent's client secret for Stripe.js (the card never passes
 * through Wellbase), and the saved card as Stripe reported it (brand and last four digits only).
 */
@RestController
@Tag(name = "Billing")
class SavedCardsController {

    private final StripeCustomers customers;
    private final ClientDirectory clients;
    private final ClientAccounts accounts;

    SavedCardsController(StripeCustomers customers, ClientDirectory clients, ClientAccounts accounts) {
        this.customers = customers;
        this.clients = clients;
        this.accounts = accounts;
    }

    /** The saved card, without Stripe's ids. */
    record CardView(
            boolean saved, @Nullable String brand, @Nullable String last4) {}

    @PostMapping("/api/v1/clients/{id}/payment-method/setup")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Start saving a client's card: answers the SetupIntent's client secret for Stripe.js")
    StripeCustomers.CardSetup setupFor(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        clients.find(org, id).orElseThrow(() -> ApiException.notFound("client"));
        return customers.startSetup(org, id);
    }

    @GetMapping("/api/v1/clients/{id}/payment-method")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "The client's saved card (brand and last four digits)")
    CardView cardOf(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        clients.find(org, id).orElseThrow(() -> ApiException.notFound("client"));
        return view(org, id);
    }

    @PostMapping("/api/v1/portal/payment-method/setup")
    @Operation(summary = "Save or replace the signed-in client's card for renewals (a failed renewal is retried)")
    StripeCustomers.CardSetup setupMine(Caller caller) {
        return customers.startSetup(caller.requireOrganization(), accounts.requireSelf(caller));
    }

    @GetMapping("/api/v1/portal/payment-method")
    @Operation(summary = "The signed-in client's saved card")
    CardView mine(Caller caller) {
        return view(caller.requireOrganization(), accounts.requireSelf(caller));
    }

    private CardView view(UUID org, UUID client) {
        return customers
                .of(org, client)
                .filter(c -> c.paymentMethodId() != null)
                .map(c -> new CardView(true, c.brand(), c.last4()))
                .orElse(new CardView(false, null, null));
    }
}
