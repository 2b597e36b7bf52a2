package io.wellbase.memberships.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The credit ledger. A balance is the sum of a membership's rows; every change that could take it
 * below zero first locks the membership row, so concurrent bookings racing for the last credit
 * serialise and only one wins.
 */
@Component
class CreditLedger {

    private final JdbcClient jdbc;

    CreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ledger row as the API shows it. */
    record Entry(
            UUID id,
            int delta,
            String reason,
            UUID bookingId,
            OffsetDateTime usedFor,
            String note,
            UUID createdBy,
            OffsetDateTime createdAt) {}

    /** A ledger row of one of a client's memberships, for the data-subject export. */
    record ClientEntry(
            UUID id,
            UUID membershipId,
            int delta,
            String reason,
            UUID bookingId,
            OffsetDateTime usedFor,
            String note,
            OffsetDateTime createdAt) {}

    void lock(UUID orgId, UUID membershipId) {
        jdbc.sql("SELECT id FROM client_memberships WHERE org_id = :org AND id = :id FOR UPDATE")
                .param("org", orgId)
                .param("id", membershipId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Membership"));
    }

    int balance(UUID orgId, UUID membershipId) {
        return jdbc.sql("SELECT coalesce(sum(delta), 0) FROM credit_ledger WHERE org_id = :org AND membership_id = :id")
                .param("org", orgId)
                .param("id", membershipId)
                .query(Integer.class)
                .single();
    }

    void append(
            UUID orgId,
            UUID clientId,
            UUID membershipId,
            int delta,
            String reason,
            UUID bookingId,
            OffsetDateTime usedFor,
            String note,
            UUID createdBy) {
        jdbc.sql("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, booking_id, used_for,
                                           note, created_by)
                VALUES (:id, :org, :client, :membership, :delta, :reason, :booking, :usedFor, :note, :by)
                """)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("client", clientId)
                .param("membership", membershipId)
                .param("delta", delta)
                .param("reason", reason)
                .param("booking", bookingId)
                .param("usedFor", usedFor)
                .param("note", note)
                .param("by", createdBy)
                .update();
    }

    /** A booking's use of a membership, as the ledger records it. */
    record Use(UUID orgId, UUID clientId, UUID membershipId, UUID bookingId, OffsetDateTime usedFor) {}

    /**
     * Takes one credit for the booking when the balance is above zero, in one statement; answers whether it
     * did. The caller holds the membership's lock, so the statement (which starts after the lock was
     * granted) sees every change committed before it.
     */
    boolean takeCredit(Use use) {
        return jdbc.sql("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, booking_id, used_for)
                SELECT :id, :org, :client, :membership, -1, 'use', :booking, :usedFor
                WHERE (SELECT coalesce(sum(delta), 0) FROM credit_ledger WHERE org_id = :org AND membership_id = :membership) > 0
                """)
                        .param("id", Ids.newId())
                        .param("org", use.orgId())
                        .param("client", use.clientId())
                        .param("membership", use.membershipId())
                        .param("booking", use.bookingId())
                        .param("usedFor", use.usedFor())
                        .update()
                == 1;
    }

    /**
     * Records an unlimited plan's use when fewer than {@code limit} uses (not refunded) fall in the week
     * that starts at {@code monday} (its first moment where the organization is); answers whether it did. Under the
     * membership's lock, as above.
     */
    boolean useWithinWeeklyLimit(Use use, java.time.ZonedDateTime monday, int limit) {
        return jdbc.sql("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason, booking_id, used_for)
                SELECT :id, :org, :client, :membership, 0, 'use', :booking, :usedFor
                WHERE (SELECT count(*) FROM credit_ledger u
                       WHERE u.org_id = :org AND u.membership_id = :membership AND u.reason = 'use'
                         AND u.used_for >= :weekStart AND u.used_for < :weekEnd
                         AND NOT EXISTS (SELECT 1 FROM credit_ledger r WHERE r.org_id = u.org_id
                                         AND r.booking_id = u.booking_id AND r.reason = 'refund')) < :limit
                """)
                        .param("id", Ids.newId())
                        .param("org", use.orgId())
                        .param("client", use.clientId())
                        .param("membership", use.membershipId())
                        .param("booking", use.bookingId())
                        .param("usedFor", use.usedFor())
                        .param("weekStart", monday.toOffsetDateTime())
                        .param("weekEnd", monday.plusWeeks(1).toOffsetDateTime())
                        .param("limit", limit)
                        .update()
                == 1;
    }

    /**
     * Adds {@code delta} (positive or negative) under the membership's lock; a change that would
     * take the balance below zero answers 422 and writes nothing.
     */
    int adjust(UUID orgId, UUID clientId, UUID membershipId, int delta, String reason, String note, UUID createdBy) {
        lock(orgId, membershipId);
        int balance = balance(orgId, membershipId);
        if (balance + delta < 0) {
            throw ApiException.unprocessable(
                    "credits.insufficient", "The balance is " + balance + "; it cannot go below zero");
        }
        append(orgId, clientId, membershipId, delta, reason, null, null, note, createdBy);
        return balance + delta;
    }

    List<Entry> entries(UUID orgId, UUID membershipId) {
        return jdbc.sql("""
                SELECT id, delta, reason, booking_id, used_for, note, created_by, created_at FROM credit_ledger
                WHERE org_id = :org AND membership_id = :id ORDER BY created_at, id
                """)
                .param("org", orgId)
                .param("id", membershipId)
                .query(Rows.of(Entry.class))
                .list();
    }

    List<ClientEntry> ofClient(UUID orgId, UUID clientId) {
        return jdbc.sql("""
                SELECT id, membership_id, delta, reason, booking_id, used_for, note, created_at FROM credit_ledger
                WHERE org_id = :org AND client_id = :client ORDER BY created_at, id
                """)
                .param("org", orgId)
                .param("client", clientId)
                .query(Rows.of(ClientEntry.class))
                .list();
    }
}
