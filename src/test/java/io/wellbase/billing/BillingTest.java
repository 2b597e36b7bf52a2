package io.wellbase.billing;

import io.wellbase.support.Api;
import io.wellbase.support.LocalStripe;
import io.wellbase.support.OrganizationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Helpers for the billing tests: an organization connected to the local Stripe, clients, signed webhooks. */
public abstract class BillingTest extends OrganizationTest {

    protected static final String WEBHOOK_SECRET = "whsec_local_test_secret";

    protected Owner connectedOwner(String name) {
        Owner owner = ownerWithOrganization(name);
        Api.Response r = api.put(
                "/api/v1/billing/stripe",
                Map.of(
                        "secretKey",
                        "sk_test_local_" + owner.orgId().toString().substring(0, 8),
                        "webhookSecret",
                        WEBHOOK_SECRET,
                        "publishableKey",
                        "pk_test_local"),
                owner.token());
        if (r.status() != 200) {
            throw new AssertionError(r.toString());
        }
        return owner;
    }

    protected UUID client(Owner owner, String name) {
        return api.post(
                        "/api/v1/clients",
                        Map.of("firstName", name, "lastName", "Payer", "email", uniqueEmail(name.toLowerCase())),
                        owner.token())
                .id();
    }

    protected Api.Response pay(Owner owner, Map<String, Object> body, String key) {
        return api.send(
                "POST",
                "/api/v1/payments",
                body,
                owner.token(),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** Delivers an event as Stripe does: signed over the exact body with the organization's secret. */
    protected Api.Response deliver(Owner owner, Map<String, Object> event) {
        String body = LocalStripe.json(event);
        return api.send(
                "POST",
                "/api/v1/billing/stripe/webhook?org=" + owner.orgId(),
                body,
                null,
                Map.of(
                        "Stripe-Signature",
                        LocalStripe.sign(body, WEBHOOK_SECRET, Instant.now().getEpochSecond())));
    }
}
