package io.wellbase.billing.internal.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.PaymentProvider;
import io.wellbase.billing.internal.payments.PaymentStatus;
import io.wellbase.billing.internal.payments.PaymentStore.ProviderState;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Card payments through the organization's Stripe account: a PaymentIntent per payment (confirmed at once with a
 * saved or given payment method, or left for the front end to confirm with its client secret), refunds on it.
 */
@Component
class StripeProvider implements PaymentProvider {

    private final StripeClients clients;

    StripeProvider(StripeClients clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public ProviderState charge(Charge c) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(c.amount())
                .setCurrency(c.currency().toLowerCase(Locale.ROOT))
                .setDescription(c.description())
                .putAllMetadata(c.metadata())
                .putMetadata("wellbase_org", c.org().toString())
                .putMetadata("wellbase_payment", c.paymentId().toString());
        if (c.customerId() != null) {
            params.setCustomer(c.customerId());
        }
        if (c.paymentMethodId() != null) {
            params.setPaymentMethod(c.paymentMethodId()).setConfirm(true);
            if (c.offSession()) {
                params.setOffSession(true);
            }
        }
        try {
            PaymentIntent intent = clients.of(c.org())
                    .v1()
                    .paymentIntents()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(c.idempotencyKey())
                                    .build());
            return state(intent);
        } catch (CardException declined) {
            var intent = declined.getStripeError() == null
                    ? null
                    : declined.getStripeError().getPaymentIntent();
            String code = declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode();
            return new ProviderState(
                    intent == null ? null : intent.getId(),
                    null,
                    PaymentStatus.FAILED,
                    0,
                    code,
                    declined.getUserMessage());
        } catch (StripeException e) {
            throw refusal(e);
        }
    }

    @Override
    public Refunded refund(UUID org, Payment payment, long amount, @Nullable String reason, String idempotencyKey) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(payment.providerPaymentId())
                .setAmount(amount)
                .putMetadata("wellbase_payment", payment.id().toString());
        if (reason != null) {
            params.putMetadata("reason", reason);
        }
        try {
            var refund = clients.of(org)
                    .v1()
                    .refunds()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .build());
            return new Refunded(refund.getId(), refund.getStatus() == null ? "pending" : refund.getStatus());
        } catch (StripeException e) {
            throw refusal(e);
        }
    }

    @Override
    public Optional<ProviderState> current(UUID org, String providerPaymentId) {
        try {
            return Optional.of(state(clients.of(org).v1().paymentIntents().retrieve(providerPaymentId)));
        } catch (InvalidRequestException missing) {
            return Optional.empty();
        } catch (StripeException e) {
            throw refusal(e);
        }
    }

    static ProviderState state(PaymentIntent intent) {
        PaymentStatus status = switch (intent.getStatus() == null ? "" : intent.getStatus()) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "processing", "requires_capture" -> PaymentStatus.PROCESSING;
            case "canceled" -> PaymentStatus.CANCELED;
            case "requires_payment_method" ->
                intent.getLastPaymentError() != null ? PaymentStatus.FAILED : PaymentStatus.REQUIRES_ACTION;
            default -> PaymentStatus.REQUIRES_ACTION;
        };
        var error = intent.getLastPaymentError();
        long received = intent.getAmountReceived() == null ? 0 : intent.getAmountReceived();
        return new ProviderState(
                intent.getId(),
                status.isFinal() ? null : intent.getClientSecret(),
                status,
                status == PaymentStatus.SUCCEEDED ? Math.max(received, 0) : 0,
                error == null ? null : (error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode()),
                error == null ? null : error.getMessage());
    }

    static BillingRefusal refusal(StripeException e) {
        boolean unavailable = e instanceof ApiConnectionException
                || e instanceof RateLimitException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500);
        return unavailable
                ? new BillingRefusal(
                        BillingRefusal.Reason.PROVIDER_UNAVAILABLE,
                        "Stripe could not be reached; nothing was charged twice, retry with the same Idempotency-Key")
                : new BillingRefusal(
                        BillingRefusal.Reason.PROVIDER_REFUSED,
                        "Stripe refused the request: " + e.getUserMessage(),
                        e.getCode() == null ? Map.of() : Map.of("providerCode", e.getCode()));
    }
}
