package io.wellbase.billing.internal.webhooks;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.billing.BillingProperties;
import io.wellbase.billing.internal.stripe.StripeAccounts;
import io.wellbase.platform.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks, one URL per organization ({@code ?org=}): the signature is checked over the raw body with
 * the organization's signing secret and Stripe's tolerance, the event is stored once by its id, then processed
 * (reading the object's current state). A bad signature is a 400 and changes nothing; a repeat of an event
 * already processed answers 200 at once.
 */
@RestController
@Tag(name = "Billing")
class StripeWebhookController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StripeAccounts accounts;
    private final StripeEventLedger ledger;
    private final StripeEventProcessor processor;
    private final BillingProperties properties;
    private final Clock clock;

    StripeWebhookController(
            StripeAccounts accounts,
            StripeEventLedger ledger,
            StripeEventProcessor processor,
            BillingProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.processor = processor;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/billing/stripe/webhook")
    @Operation(summary = "Stripe's webhook endpoint (signed; register the URL GET /api/v1/billing/stripe shows)")
    Map<String, Object> receive(
            @RequestParam(name = "org", required = false) @Nullable String org,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        UUID organization = organization(org);
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        var keys = accounts.keys(organization).orElseThrow(StripeWebhookController::badSignature);
        try {
            Webhook.Signature.verifyHeader(
                    payload,
                    signature == null ? "" : signature,
                    keys.webhookSecret(),
                    properties.stripe().webhookTolerance().toSeconds(),
                    clock);
        } catch (SignatureVerificationException e) {
            throw badSignature();
        }
        StripeEvent event;
        try {
            event = StripeEvent.of(JSON.readTree(payload));
        } catch (JacksonException e) {
            event = null;
        }
        if (event == null) {
            throw ApiException.badRequest("billing.webhook_malformed", "The body is not a Stripe event");
        }
        if (event.livemode() != keys.livemode()) {
            throw ApiException.badRequest(
                    "billing.webhook_mode_mismatch", "The event's livemode does not match the connected key");
        }
        if (ledger.record(organization, event, payload)) {
            return Map.of("received", true, "duplicate", true);
        }
        String outcome = processor.process(organization, event);
        ledger.processed(event.id(), outcome);
        return Map.of("received", true, "outcome", outcome);
    }

    private static UUID organization(@Nullable String org) {
        try {
            return UUID.fromString(org == null ? "" : org);
        } catch (IllegalArgumentException e) {
            throw badSignature();
        }
    }

    private static ApiException badSignature() {
        return ApiException.badRequest("billing.webhook_signature_invalid", "The webhook signature does not verify");
    }
}
