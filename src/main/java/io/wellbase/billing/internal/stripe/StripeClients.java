package io.wellbase.billing.internal.stripe;

import com.stripe.StripeClient;
import io.wellbase.billing.BillingProperties;
import io.wellbase.billing.internal.BillingRefusal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One stripe-java client per connected organization, made from its own secret key and the configured API base
 * (a local stand-in in tests), kept while the key stays the same.
 */
@Component
public class StripeClients {

    private record Made(String secretKey, StripeClient client) {}

    private final StripeAccounts accounts;
    private final BillingProperties.Stripe settings;
    private final Map<UUID, Made> clients = new ConcurrentHashMap<>();

    StripeClients(StripeAccounts accounts, BillingProperties properties) {
        this.accounts = accounts;
        this.settings = properties.stripe();
    }

    /** The organization's client; refused when it has not connected Stripe. */
    public StripeClient of(UUID org) {
        var keys = accounts.keys(org)
                .orElseThrow(() -> new BillingRefusal(
                        BillingRefusal.Reason.STRIPE_NOT_CONNECTED,
                        "Connect the organization's Stripe account before taking card payments"));
        Made made = clients.compute(
                org,
                (id, current) -> current != null && current.secretKey().equals(keys.secretKey())
                        ? current
                        : new Made(keys.secretKey(), build(keys.secretKey())));
        return made.client();
    }

    public @org.jspecify.annotations.Nullable String publishableKey(UUID org) {
        return accounts.connection(org)
                .map(StripeAccounts.Connection::publishableKey)
                .orElse(null);
    }

    public boolean connected(UUID org) {
        return accounts.connection(org).isPresent();
    }

    private StripeClient build(String secretKey) {
        String base = settings.apiBase().toString();
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .build();
    }
}
