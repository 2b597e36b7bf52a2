package io.wellbase.billing.internal.payments;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the money is taken: by hand ({@code manual}: cash, a card terminal, a bank transfer, complimentary) or by
 * the organization's Stripe account ({@code stripe}). Unreachable providers are refused with
 * {@code billing.provider_unavailable}; a declined card is a {@link PaymentStatus#FAILED} state, not an error.
 */
public interface PaymentProvider {

    String name();

    PaymentStore.ProviderState charge(Charge charge);

    Refunded refund(UUID org, Payment payment, long amount, @Nullable String reason, String idempotencyKey);

    /** The provider's current state of a payment it holds, for webhooks: read, never trusted from the event. */
    Optional<PaymentStore.ProviderState> current(UUID org, String providerPaymentId);

    /** One charge; {@code idempotencyKey} is passed on, so a retry never charges twice. */
    record Charge(
            UUID org,
            UUID paymentId,
            long amount,
            String currency,
            String description,
            @Nullable String customerId,
            @Nullable String paymentMethodId,
            boolean offSession,
            String idempotencyKey,
            Map<String, String> metadata) {}

    /** A refund as the provider took it: its id there (none by hand) and status. */
    record Refunded(@Nullable String providerRefundId, String status) {}
}
