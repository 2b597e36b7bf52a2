package io.wellbase.billing.internal.payments;

import io.wellbase.platform.data.Rows;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The refunds table, and the payment's {@code refunded} kept equal to the sum of its refunds that are pending or
 * succeeded (the check constraint {@code refunded <= captured} holds it below what was captured).
 */
@Component
public class RefundStore {

    private static final String COLUMNS =
            "id, payment_id, amount, reason, status, provider_refund_id, origin, created_by, created_at";

    private final JdbcClient jdbc;

    RefundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            UUID org,
            UUID id,
            UUID paymentId,
            long amount,
            @Nullable String reason,
            String status,
            @Nullable String providerRefundId,
            String origin,
            @Nullable UUID by) {
        jdbc.sql("""
                INSERT INTO payment_refunds (id, org_id, payment_id, amount, reason, status, provider_refund_id, origin,
                    created_by)
                VALUES (:id, :org, :payment, :amount, :reason, :status, :pid, :origin, :by)
                """)
                .param("id", id)
                .param("org", org)
                .param("payment", paymentId)
                .param("amount", amount)
                .param("reason", reason)
                .param("status", status)
                .param("pid", providerRefundId)
                .param("origin", origin)
                .param("by", by)
                .update();
        recount(org, paymentId);
    }

    /** Sets a refund's provider id and status (the provider's answer, or its current state later). */
    public void update(UUID org, UUID id, @Nullable String providerRefundId, String status) {
        UUID payment = jdbc.sql("""
                        UPDATE payment_refunds SET provider_refund_id = coalesce(:pid, provider_refund_id), status = :status,
                            updated_at = now()
                        WHERE org_id = :org AND id = :id
                        RETURNING payment_id
                        """)
                .param("pid", providerRefundId)
                .param("status", status)
                .param("org", org)
                .param("id", id)
                .query(UUID.class)
                .single();
        recount(org, payment);
    }

    public List<Refund> of(UUID org, UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payment_refunds WHERE org_id = :org AND payment_id = :p ORDER BY created_at, id")
                .param("org", org)
                .param("p", paymentId)
                .query(Rows.of(Refund.class))
                .list();
    }

    public Optional<Refund> byProviderId(UUID org, String providerRefundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refunds WHERE org_id = :org AND provider_refund_id = :pid")
                .param("org", org)
                .param("pid", providerRefundId)
                .query(Rows.of(Refund.class))
                .optional();
    }

    private void recount(UUID org, UUID paymentId) {
        jdbc.sql("""
                UPDATE payments SET refunded = (
                        SELECT coalesce(sum(amount), 0) FROM payment_refunds
                        WHERE org_id = :org AND payment_id = :p AND status IN ('pending', 'succeeded')),
                    updated_at = now()
                WHERE org_id = :org AND id = :p
                """).param("org", org).param("p", paymentId).update();
    }
}
