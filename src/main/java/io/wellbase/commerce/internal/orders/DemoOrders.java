package io.wellbase.commerce.internal.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo studio's past orders (see DemoCatalogue): placed, paid and handed over, then dated back. */
@Component
public class DemoOrders {

    private final OrderFlow flow;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoOrders(OrderFlow flow, JdbcClient jdbc, Clock clock) {
        this.flow = flow;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Orders by some of the buyers, of the products given (the first ones more often); answers how many. */
    public int make(UUID org, String currency, UUID location, UUID owner, List<UUID> buyers, List<UUID> products) {
        Random random = new Random(20_261_202L);
        int made = 0;
        for (int i = 0; i < Math.min(24, buyers.size()); i++) {
            Map<UUID, Integer> units = new LinkedHashMap<>();
            units.put(products.get(4 + random.nextInt(4)), 1); // a skin-care product
            if (random.nextBoolean()) {
                units.put(products.get(random.nextInt(3)), 1); // and often some equipment
            }
            OrderStore.Order o = flow.create(
                    org,
                    new OrderFlow.NewOrder(
                            buyers.get(i), location, currency, units, Pricing.Discount.NONE, null, false),
                    owner);
            flow.pay(org, o.id(), i % 3 == 0 ? "cash" : "card_terminal");
            flow.fulfil(org, o.id(), owner);
            Duration back = Duration.ofDays(2 + random.nextInt(58)).plusHours(random.nextInt(8));
            jdbc.sql("""
                    UPDATE orders SET created_at = created_at - CAST(:back AS interval), placed_at = placed_at - CAST(:back AS interval),
                        paid_at = paid_at - CAST(:back AS interval), fulfilled_at = fulfilled_at - CAST(:back AS interval), expires_at = NULL
                    WHERE org_id = :org AND id = :id
                    """)
                    .param("back", back.toSeconds() + " seconds")
                    .param("org", org)
                    .param("id", o.id())
                    .update();
            made++;
        }
        return made;
    }
}
