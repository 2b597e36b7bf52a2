package io.wellbase.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A client's orders, favorites and routines in their export, moved by a merge, and what an erasure leaves. */
class CommerceClientDataIntegrationTests extends CommerceTest {

    @Test
    void exportMergeAndErasure() throws Exception {
        Owner owner = ownerWithOrganization("Client Data Shop");
        UUID shop = location(owner);
        UUID p = product(owner, "CD-1", 900, Map.of("trackStock", false));
        Client gus = client(owner, "Gus");
        UUID dupe = api.post("/api/v1/clients", Map.of("firstName", "Gus", "lastName", "Again"), owner.token())
                .id();
        order(gus.token(), shop, null, Map.of(p, 1));
        order(owner.token(), shop, dupe, Map.of(p, 2));
        api.post("/api/v1/user/products/favorites", Map.of("productId", p), gus.token());
        api.post("/api/v1/routines", Map.of("name", "Mine", "steps", List.of(Map.of("productId", p))), gus.token());

        JsonNode export = api.get("/api/v1/clients/" + gus.id() + "/export", owner.token())
                .json();
        assertThat(export.toString()).contains("CD-1");
        JsonNode orders = export.findValue("orders");
        assertThat(orders).isNotNull();
        assertThat(orders.size()).isEqualTo(1);

        assertThat(api.post("/api/v1/clients/" + gus.id() + "/merge", Map.of("otherId", dupe), owner.token())
                        .status())
                .isLessThan(300);
        assertThat(api.get("/api/v1/orders?clientId=" + gus.id(), owner.token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);

        assertThat(api.delete("/api/v1/clients/" + gus.id(), owner.token()).status())
                .isEqualTo(204);
        String favorites = "SELECT count(*) FROM product_favorites WHERE client_id = :c";
        assertThat(eventuallyCount(
                        () -> jdbc.sql(favorites)
                                .param("c", gus.id())
                                .query(Long.class)
                                .single(),
                        0))
                .isZero();
        assertThat(eventuallyCount(
                        () -> jdbc.sql("SELECT count(*) FROM routines WHERE client_id = :c")
                                .param("c", gus.id())
                                .query(Long.class)
                                .single(),
                        0))
                .isZero();
        // the sales records stay
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE client_id = :c")
                        .param("c", gus.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
