package io.wellbase.billing.internal.payments;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The payment providers by the name stored with each payment ({@code manual}, {@code stripe}). */
@Component
public class PaymentProviders {

    private final Map<String, PaymentProvider> byName;

    PaymentProviders(List<PaymentProvider> providers) {
        this.byName =
                providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, Function.identity()));
    }

    /** The provider of this name; fails for a name no provider has (a payment row always names one). */
    public PaymentProvider named(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("No payment provider named " + name);
        }
        return provider;
    }
}
