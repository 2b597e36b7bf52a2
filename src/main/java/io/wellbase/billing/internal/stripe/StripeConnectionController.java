package io.wellbase.billing.internal.stripe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Connecting the organization's own Stripe account: its keys are sealed at rest and never shown again. */
@RestController
@Tag(name = "Billing")
class StripeConnectionController {

    private final StripeAccounts accounts;
    private final AuditTrail audit;
    private final PublicUrl urls;

    StripeConnectionController(StripeAccounts accounts, AuditTrail audit, PublicUrl urls) {
        this.accounts = accounts;
        this.audit = audit;
        this.urls = urls;
    }

    record ConnectBody(
            @Nullable String secretKey,
            @Nullable String webhookSecret,
            @Nullable String publishableKey) {}

    /** The connection as shown: the key's last characters, and the URL to give Stripe for webhooks. */
    record ConnectionView(boolean connected, StripeAccounts.@Nullable Connection account, String webhookUrl) {}

    @PutMapping("/api/v1/billing/stripe")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(
            summary = "Connect (or replace) the organization's Stripe account: secret key (sk_ or rk_) and the webhook"
                    + " endpoint's signing secret (whsec_)")
    @Transactional
    ConnectionView connect(Caller caller, @RequestBody ConnectBody b) {
        var org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (b.secretKey() == null || !b.secretKey().matches("(sk|rk)_(test|live)_[A-Za-z0-9_]{4,255}")) {
            errors.add(new ApiException.FieldError("secretKey", "must be a Stripe secret or restricted key"));
        }
        if (b.webhookSecret() == null || !b.webhookSecret().matches("whsec_[A-Za-z0-9_]{4,255}")) {
            errors.add(new ApiException.FieldError("webhookSecret", "must be a webhook signing secret (whsec_…)"));
        }
        if (b.publishableKey() != null && !b.publishableKey().matches("pk_(test|live)_[A-Za-z0-9_]{4,255}")) {
            errors.add(new ApiException.FieldError("publishableKey", "must be a Stripe publishable key"));
        }
        ApiException.throwIfInvalid(errors);
        accounts.connect(org, b.secretKey(), b.webhookSecret(), b.publishableKey(), caller.userId());
        audit.record(AuditRecord.of(
                        org,
                        "billing.stripe_connected",
                        "organization",
                        org,
                        Map.of("stripe", new AuditChange(null, "connected")))
                .byActor(caller.userId()));
        return view(org);
    }

    @GetMapping("/api/v1/billing/stripe")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Whether Stripe is connected, and the webhook URL to register in Stripe's dashboard")
    @Transactional(readOnly = true)
    ConnectionView show(Caller caller) {
        return view(caller.requireOrganization());
    }

    @DeleteMapping("/api/v1/billing/stripe")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Disconnect Stripe: its keys are deleted; payments taken stay")
    @Transactional
    ResponseEntity<Void> disconnect(Caller caller) {
        var org = caller.requireOrganization();
        if (accounts.disconnect(org)) {
            audit.record(AuditRecord.of(
                            org,
                            "billing.stripe_disconnected",
                            "organization",
                            org,
                            Map.of("stripe", new AuditChange("connected", null)))
                    .byActor(caller.userId()));
        }
        return ResponseEntity.noContent().build();
    }

    private ConnectionView view(java.util.UUID org) {
        var connection = accounts.connection(org).orElse(null);
        return new ConnectionView(
                connection != null, connection, urls.base() + "/api/v1/billing/stripe/webhook?org=" + org);
    }
}
