package io.wellbase.billing.internal.payments;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Money taken by hand: captured at once, refunded at once (the front desk gives it back). */
@Component
class ManualProvider implements PaymentProvider {

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public PaymentStore.ProviderState charge(Charge charge) {
        return new PaymentStore.ProviderState(null, null, PaymentStatus.SUCCEEDED, charge.amount(), null, null);
    }

    @Override
    public Refunded refund(UUID org, Payment payment, long amount, @Nullable String reason, String idempotencyKey) {
        return new Refunded(null, "succeeded");
    }

    @Override
    public Optional<PaymentStore.ProviderState> current(UUID org, String providerPaymentId) {
        return Optional.empty();
    }
}
