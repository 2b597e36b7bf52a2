package io.wellbase.commerce.internal;

import io.wellbase.clients.ClientDataContributor;
import io.wellbase.clients.ClientErased;
import io.wellbase.clients.ClientsMerged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A client's commerce data: their orders, favorites and routines in their data-subject export; moved to the
 * surviving record when two clients are merged (in the merge's transaction); on erasure, favorites and routines go
 * and orders stay as the business's sales records, detached from the person's notes.
 */
@Component
class CommerceClientData implements ClientDataContributor {

    private final JdbcClient jdbc;

    CommerceClientData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> exportFor(UUID org, UUID client) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("orders", rows("""
                SELECT o.number, o.status, o.currency, o.subtotal, o.discount, o.tax, o.total, o.refunded, o.payment_method,
                       o.placed_at, o.paid_at, o.fulfilled_at, o.cancelled_at, o.created_at,
                       (SELECT json_agg(json_build_object('sku', i.sku, 'title', i.title, 'quantity', i.quantity,
                                'unitPrice', i.unit_price, 'total', i.total) ORDER BY i.position)::text
                        FROM order_items i WHERE i.org_id = o.org_id AND i.order_id = o.id) AS items
                FROM orders o WHERE o.org_id = :org AND o.client_id = :client ORDER BY o.created_at
                """, org, client));
        sections.put("productFavorites", rows("""
                SELECT p.sku, p.title, f.in_routine, f.notes, f.last_used_at, f.created_at
                FROM product_favorites f JOIN products p ON p.org_id = f.org_id AND p.id = f.product_id
                WHERE f.org_id = :org AND p.org_id = :org AND f.client_id = :client ORDER BY f.created_at
                """, org, client));
        sections.put("routines", rows("""
                SELECT r.name, r.created_at,
                       (SELECT json_agg(json_build_object('position', s.position, 'productId', s.product_id,
                                'instructions', s.instructions) ORDER BY s.position)::text
                        FROM routine_steps s WHERE s.org_id = r.org_id AND s.routine_id = r.id) AS steps
                FROM routines r WHERE r.org_id = :org AND r.client_id = :client ORDER BY r.created_at
                """, org, client));
        return sections;
    }

    private List<Map<String, Object>> rows(String sql, UUID org, UUID client) {
        return jdbc.sql(sql).param("org", org).param("client", client).query().listOfRows();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ClientsMerged m) {
        UUID org = m.organizationId();
        for (String table : List.of("orders", "routines")) {
            jdbc.sql("UPDATE " + table + " SET client_id = :to WHERE org_id = :org AND client_id = :from")
                    .param("org", org)
                    .param("from", m.mergedId())
                    .param("to", m.survivorId())
                    .update();
        }
        // a favorite both had stays once
        jdbc.sql("""
                INSERT INTO product_favorites (org_id, client_id, product_id, in_routine, notes, last_used_at, created_at)
                SELECT org_id, :to, product_id, in_routine, notes, last_used_at, created_at FROM product_favorites
                WHERE org_id = :org AND client_id = :from
                ON CONFLICT (org_id, client_id, product_id) DO NOTHING
                """)
                .param("org", org)
                .param("from", m.mergedId())
                .param("to", m.survivorId())
                .update();
        jdbc.sql("DELETE FROM product_favorites WHERE org_id = :org AND client_id = :from")
                .param("org", org)
                .param("from", m.mergedId())
                .update();
    }

    @ApplicationModuleListener
    void on(ClientErased e) {
        jdbc.sql("DELETE FROM product_favorites WHERE org_id = :org AND client_id = :client")
                .param("org", e.organizationId())
                .param("client", e.clientId())
                .update();
        jdbc.sql("DELETE FROM routines WHERE org_id = :org AND client_id = :client")
                .param("org", e.organizationId())
                .param("client", e.clientId())
                .update();
        jdbc.sql("UPDATE orders SET note = NULL WHERE org_id = :org AND client_id = :client")
                .param("org", e.organizationId())
                .param("client", e.clientId())
                .update();
    }
}
