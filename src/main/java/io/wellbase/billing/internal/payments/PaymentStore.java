package io.wellbase.billing.internal.payments;

import io.wellbase.platform.data.Rows;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The payments table: written only here. */
@Component
public class PaymentStore {

    private static final String COLUMNS = """
            id, client_id, order_id, membership_id, membership_charge_id, invoice_id, description, amount, currency, captured,
            refunded, provider, method, status, provider_payment_id, client_secret, failure_code, failure_message,
            off_session, created_at, succeeded_at
            """;

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new payment is for and how it is taken. */
    public record NewPayment(
            UUID id,
            UUID org,
            @Nullable UUID clientId,
            @Nullable UUID orderId,
            @Nullable UUID membershipId,
            @Nullable UUID membershipChargeId,
            @Nullable UUID invoiceId,
            String description,
            long amount,
            String currency,
            String provider,
            String method,
            boolean offSession,
            @Nullable String requestKey,
            @Nullable UUID createdBy) {}

    public void insert(NewPayment p) {
        jdbc.sql("""
                INSERT INTO payments (id, org_id, client_id, order_id, membership_id, membership_charge_id, invoice_id,
                    description, amount, currency, provider, method, status, off_session, request_key, created_by)
                VALUES (:id, :org, :client, :order, :membership, :charge, :invoice, :description, :amount, :currency, :provider,
                    :method, 'pending', :offSession, :key, :by)
                """)
                .param("id", p.id())
                .param("org", p.org())
                .param("client", p.clientId())
                .param("order", p.orderId())
                .param("membership", p.membershipId())
                .param("charge", p.membershipChargeId())
                .param("invoice", p.invoiceId())
                .param("description", p.description())
                .param("amount", p.amount())
                .param("currency", p.currency())
                .param("provider", p.provider())
                .param("method", p.method())
                .param("offSession", p.offSession())
                .param("key", p.requestKey())
                .param("by", p.createdBy())
                .update();
    }

    public Optional<Payment> find(UUID org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE org_id = :org AND id = :id")
                .param("org", org)
                .param("id", id)
                .query(Rows.of(Payment.class))
                .optional();
    }

    public Optional<Payment> locked(UUID org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", org)
                .param("id", id)
                .query(Rows.of(Payment.class))
                .optional();
    }

    public Optional<Payment> byRequestKey(UUID org, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE org_id = :org AND request_key = :key")
                .param("org", org)
                .param("key", key)
                .query(Rows.of(Payment.class))
                .optional();
    }

    public Optional<Payment> byProviderId(UUID org, String providerPaymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE org_id = :org AND provider_payment_id = :pid")
                .param("org", org)
                .param("pid", providerPaymentId)
                .query(Rows.of(Payment.class))
                .optional();
    }

    /** The provider's answer: its id and secret, the state, what it captured, why it failed. */
    public record ProviderState(
            @Nullable String providerPaymentId,
            @Nullable String clientSecret,
            PaymentStatus status,
            long captured,
            @Nullable String failureCode,
            @Nullable String failureMessage) {}

    /**
     * Moves the payment to the provider's state unless it is final already; answers whether it became
     * succeeded just now (so the caller marks what it paid exactly once).
     */
    public boolean apply(UUID org, UUID id, ProviderState s, Instant at) {
        var before = jdbc.sql("""
                        SELECT status FROM payments WHERE org_id = :org AND id = :id FOR UPDATE
                        """)
                .param("org", org)
                .param("id", id)
                .query(String.class)
                .single();
        PaymentStatus current = PaymentStatus.of(before).orElseThrow();
        if (!current.mayBecome(s.status())) {
            return false;
        }
        jdbc.sql("""
                UPDATE payments SET status = :status, provider_payment_id = coalesce(:pid, provider_payment_id),
                    client_secret = CASE WHEN :status IN ('succeeded', 'canceled') THEN NULL
                                         ELSE coalesce(:secret, client_secret) END,
                    captured = greatest(captured, :captured), failure_code = :code, failure_message = :message,
                    succeeded_at = CASE WHEN :status = 'succeeded' THEN coalesce(succeeded_at, :at) ELSE succeeded_at END,
                    updated_at = now()
                WHERE org_id = :org AND id = :id
                """)
                .param("status", s.status().value())
                .param("pid", s.providerPaymentId())
                .param("secret", s.clientSecret())
                .param("captured", s.captured())
                .param("code", s.failureCode())
                .param("message", s.failureMessage())
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("org", org)
                .param("id", id)
                .update();
        return current != PaymentStatus.SUCCEEDED && s.status() == PaymentStatus.SUCCEEDED;
    }

    /** Filters of the payment list; null means any. */
    public record Filter(
            @Nullable UUID clientId,
            @Nullable UUID orderId,
            @Nullable UUID membershipId,
            @Nullable String status,
            @Nullable Instant from,
            @Nullable Instant to) {}

    private static final String WHERE = """
            WHERE org_id = :org
              AND (CAST(:client AS uuid) IS NULL OR client_id = :client)
              AND (CAST(:order AS uuid) IS NULL OR order_id = :order)
              AND (CAST(:membership AS uuid) IS NULL OR membership_id = :membership)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)
            """;

    public List<Payment> list(UUID org, Filter f, int limit, long offset) {
        return bind(
                        jdbc.sql("SELECT " + COLUMNS + " FROM payments " + WHERE
                                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"),
                        org,
                        f)
                .param("limit", limit)
                .param("offset", offset)
                .query(Rows.of(Payment.class))
                .list();
    }

    public long count(UUID org, Filter f) {
        return bind(jdbc.sql("SELECT count(*) FROM payments " + WHERE), org, f)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID org, Filter f) {
        return spec.param("org", org)
                .param("client", f.clientId())
                .param("order", f.orderId())
                .param("membership", f.membershipId())
                .param("status", f.status())
                .param("from", f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), java.time.ZoneOffset.UTC))
                .param("to", f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), java.time.ZoneOffset.UTC));
    }
}
