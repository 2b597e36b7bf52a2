package io.wellbase.commerce.internal;

import io.wellbase.clients.ClientDirectory;
import io.wellbase.commerce.internal.catalog.DemoProducts;
import io.wellbase.commerce.internal.orders.DemoOrders;
import io.wellbase.organizations.Locations;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo studio's shop: a small catalogue in three categories with stock at its first location (one product near
 * its low-stock threshold), and a few handed-over orders of its clients spread over the last two months, so that
 * recommendations, revenue and reorder suggestions have something to show. Runs once, after the timetable.
 */
@Component
class DemoCatalogue implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final JdbcClient jdbc;
    private final DemoStudio studio;
    private final Locations locations;
    private final ClientDirectory clients;
    private final DemoProducts products;
    private final DemoOrders orders;
    private final OrganizationProfiles organizations;

    DemoCatalogue(
            JdbcClient jdbc,
            DemoStudio studio,
            Locations locations,
            ClientDirectory clients,
            DemoProducts products,
            DemoOrders orders,
            OrganizationProfiles organizations) {
        this.jdbc = jdbc;
        this.studio = studio;
        this.locations = locations;
        this.clients = clients;
        this.products = products;
        this.orders = orders;
        this.organizations = organizations;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional
    public void contribute() {
        var found = studio.withoutRowsIn(jdbc, "products");
        if (found.isEmpty()) {
            return;
        }
        UUID org = found.get().id();
        List<UUID> shops = locations.activeLocations(org);
        if (shops.isEmpty()) {
            return;
        }
        List<UUID> buyers = clients.listing(org).stream()
                .map(ClientDirectory.ClientListing::id)
                .limit(40)
                .toList();
        UUID owner = found.get().ownerId();
        String currency = organizations.find(org).orElseThrow().currency();
        List<UUID> catalogue = products.make(org, currency, shops.getFirst(), owner);
        int placed = orders.make(org, currency, shops.getFirst(), owner, buyers, catalogue);
        log.info("Demo data: {} products, {} orders", catalogue.size(), placed);
    }
}
