package io.wellbase.billing.internal.stripe;

import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.clients.ClientDirectory;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clients as Stripe customers, and the card each saved for renewals: saved through a SetupIntent that the client
 * confirms with Stripe.js, learnt from Stripe (never from the front end) when its webhook arrives.
 */
@Component
public class StripeCustomers {

    private final JdbcClient jdbc;
    private final StripeClients clients;
    private final ClientDirectory directory;

    StripeCustomers(JdbcClient jdbc, StripeClients clients, ClientDirectory directory) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.directory = directory;
    }

    /** A client's customer at Stripe and the card saved for off-session charges, if any. */
    public record SavedCard(
            String customerId,
            @Nullable String paymentMethodId,
            @Nullable String brand,
            @Nullable String last4) {}

    /** What the front end needs to collect a card with Stripe.js. */
    public record CardSetup(
            String setupIntentId,
            String clientSecret,
            @Nullable String publishableKey) {}

    public Optional<SavedCard> of(UUID org, UUID clientId) {
        return jdbc.sql("""
                SELECT stripe_customer_id, payment_method_id, card_brand, card_last4
                FROM billing_customers WHERE org_id = :org AND client_id = :client
                """)
                .param("org", org)
                .param("client", clientId)
                .query((rs, n) -> new SavedCard(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Refuses when the organization has not connected Stripe. */
    public void requireConnected(UUID org) {
        clients.of(org);
    }

    /** The client's Stripe customer, made on first use with the client's name and email. */
    public String customerOf(UUID org, UUID clientId) {
        var known = of(org, clientId);
        if (known.isPresent()) {
            return known.get().customerId();
        }
        var client = directory
                .find(org, clientId)
                .orElseThrow(() -> new BillingRefusal(BillingRefusal.Reason.NOT_FOUND, "No such client"));
        var params = CustomerCreateParams.builder()
                .setName(client.firstName() + " " + client.lastName())
                .putMetadata("wellbase_org", org.toString())
                .putMetadata("wellbase_client", clientId.toString());
        if (client.email() != null) {
            params.setEmail(client.email());
        }
        try {
            var customer = clients.of(org)
                    .v1()
                    .customers()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("wb-customer-" + org + "-" + clientId)
                                    .build());
            jdbc.sql("""
                    INSERT INTO billing_customers (org_id, client_id, stripe_customer_id) VALUES (:org, :client, :cus)
                    ON CONFLICT (org_id, client_id) DO NOTHING
                    """)
                    .param("org", org)
                    .param("client", clientId)
                    .param("cus", customer.getId())
                    .update();
            return of(org, clientId).orElseThrow().customerId();
        } catch (StripeException e) {
            throw StripeProvider.refusal(e);
        }
    }

    /** Starts saving a card for off-session renewals. */
    public CardSetup startSetup(UUID org, UUID clientId) {
        String customer = customerOf(org, clientId);
        try {
            var intent = clients.of(org)
                    .v1()
                    .setupIntents()
                    .create(SetupIntentCreateParams.builder()
                            .setCustomer(customer)
                            .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                            .addPaymentMethodType("card")
                            .putMetadata("wellbase_org", org.toString())
                            .putMetadata("wellbase_client", clientId.toString())
                            .build());
            String publishable = clients.publishableKey(org);
            return new CardSetup(intent.getId(), intent.getClientSecret(), publishable);
        } catch (StripeException e) {
            throw StripeProvider.refusal(e);
        }
    }

    /**
     * Reads a SetupIntent's current state at Stripe: when it succeeded, its payment method becomes the customer's
     * saved card. Answers the client whose card changed, empty when nothing changed.
     */
    public Optional<UUID> learnSetup(UUID org, String setupIntentId) {
        try {
            var stripe = clients.of(org);
            var intent = stripe.v1().setupIntents().retrieve(setupIntentId);
            if (!"succeeded".equals(intent.getStatus()) || intent.getPaymentMethod() == null) {
                return Optional.empty();
            }
            var method = stripe.v1().paymentMethods().retrieve(intent.getPaymentMethod());
            var card = method.getCard();
            return jdbc.sql("""
                    UPDATE billing_customers SET payment_method_id = :pm, card_brand = :brand, card_last4 = :last4,
                        updated_at = now()
                    WHERE org_id = :org AND stripe_customer_id = :cus AND payment_method_id IS DISTINCT FROM :pm
                    RETURNING client_id
                    """)
                    .param("pm", method.getId())
                    .param("brand", card == null ? null : card.getBrand())
                    .param("last4", card == null ? null : card.getLast4())
                    .param("org", org)
                    .param("cus", intent.getCustomer())
                    .query(UUID.class)
                    .optional();
        } catch (StripeException e) {
            throw StripeProvider.refusal(e);
        }
    }

    /** Clients of the organization with a saved card, at most {@code limit}. */
    public java.util.List<UUID> withSavedCard(UUID org, int limit) {
        return jdbc.sql("""
                SELECT client_id FROM billing_customers
                WHERE org_id = :org AND payment_method_id IS NOT NULL
                ORDER BY client_id LIMIT :limit
                """)
                .param("org", org)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Organizations with at least one saved card: the ones whose renewals are charged off-session. */
    public java.util.List<UUID> organizationsWithSavedCards() {
        return jdbc.sql("""
                SELECT DISTINCT c.org_id FROM billing_customers c
                JOIN billing_stripe_accounts a ON a.org_id = c.org_id
                WHERE c.payment_method_id IS NOT NULL
                """).query(UUID.class).list();
    }
}
