package io.wellbase.billing.internal;

import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.RefundPayment;
import io.wellbase.billing.internal.payments.TakePayment;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo studio's billing: invoice details (prefix, 19 % tax, address), and a few private sessions and workshops
 * paid by hand over the last weeks, each with its invoice, one of them refunded in part (with its credit note).
 * Stripe stays unconnected: card payments need the studio's own keys. Runs once, after the shop.
 */
@Component
class DemoBilling implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoBilling.class);

    private final JdbcClient jdbc;
    private final DemoStudio studio;
    private final ClientDirectory clients;
    private final OrganizationProfiles organizations;
    private final BillingSettings settings;
    private final TakePayment take;
    private final RefundPayment refunds;

    DemoBilling(
            JdbcClient jdbc,
            DemoStudio studio,
            ClientDirectory clients,
            OrganizationProfiles organizations,
            BillingSettings settings,
            TakePayment take,
            RefundPayment refunds) {
        this.jdbc = jdbc;
        this.studio = studio;
        this.clients = clients;
        this.organizations = organizations;
        this.settings = settings;
        this.take = take;
        this.refunds = refunds;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void contribute() {
        var found = studio.withoutRowsIn(jdbc, "payments");
        if (found.isEmpty()) {
            return;
        }
        UUID org = found.get().id();
        UUID owner = found.get().ownerId();
        settings.save(
                org,
                new BillingSettings.Settings(
                        "LO-",
                        1900,
                        "DE123456789",
                        "Lotus & Oak Studio\nKastanienallee 12\n10435 Berlin",
                        List.of(2, 5, 9),
                        3,
                        "pause"));
        String currency = organizations.find(org).orElseThrow().currency();
        List<UUID> payers = clients.listing(org).stream()
                .map(ClientDirectory.ClientListing::id)
                .skip(40)
                .limit(8)
                .toList();
        String[] what = {"Private session", "Workshop: inversions", "Private session", "Massage 60 min"};
        long[] price = {7500, 4500, 7500, 8900};
        int made = 0;
        for (int i = 0; i < payers.size(); i++) {
            Payment p = take.take(new TakePayment.Request(
                    org,
                    new TakePayment.ForAmount(price[i % price.length], currency, what[i % what.length], payers.get(i)),
                    i % 2 == 0 ? "card_terminal" : "cash",
                    null,
                    "demo-payment-" + i,
                    false,
                    owner));
            if (i == 1) {
                refunds.refund(org, p.id(), 1500, "Left the workshop early", owner);
            }
            String back = (3 + i * 6) + " days";
            jdbc.sql("""
                    UPDATE payments SET created_at = created_at - CAST(:back AS interval),
                        succeeded_at = succeeded_at - CAST(:back AS interval)
                    WHERE org_id = :org AND id = :id
                    """)
                    .param("back", back)
                    .param("org", org)
                    .param("id", p.id())
                    .update();
            made++;
        }
        log.info("Demo data: {} payments by hand with their invoices", made);
    }
}
