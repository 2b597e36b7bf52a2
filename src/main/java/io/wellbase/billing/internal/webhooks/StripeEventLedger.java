package io.wellbase.billing.internal.webhooks;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every Stripe event received, stored once by its id whatever its type; a repeat only counts a delivery. */
@Component
class StripeEventLedger {

    private final JdbcClient jdbc;

    StripeEventLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event, or counts another delivery of it; answers whether it was processed already. */
    boolean record(UUID org, StripeEvent e, String payload) {
        return jdbc.sql("""
                        INSERT INTO stripe_events (id, org_id, type, object_id, created, livemode, payload)
                        VALUES (:id, :org, :type, :object, :created, :live, CAST(:payload AS jsonb))
                        ON CONFLICT (id) DO UPDATE SET deliveries = stripe_events.deliveries + 1
                        WHERE stripe_events.org_id = excluded.org_id
                        RETURNING processed_at IS NOT NULL
                        """)
                .param("id", e.id())
                .param("org", org)
                .param("type", e.type())
                .param("object", e.objectId())
                .param("created", e.created())
                .param("live", e.livemode())
                .param("payload", payload)
                .query(Boolean.class)
                .optional()
                // the same id under another organization: never processed for this one
                .orElse(true);
    }

    void processed(String id, @Nullable String outcome) {
        jdbc.sql("UPDATE stripe_events SET processed_at = now(), outcome = :outcome WHERE id = :id")
                .param("id", id)
                .param("outcome", outcome)
                .update();
    }
}
