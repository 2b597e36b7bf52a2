package io.wellbase.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh organization and the rows a module test needs in it, inserted with plain SQL. Module
 * tests start only part of the application, so they cannot build their data through the HTTP API
 * the way the integration tests do; these rows have the shape the owners' own code writes.
 */
public final class TestRows {

    private final JdbcClient jdbc;
    private final UUID orgId = UUID.randomUUID();

    TestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql(
                        "INSERT INTO organizations (id, name, timezone, currency, country) VALUES (:id, 'Module test', 'Europe/Berlin', 'EUR', 'DE')")
                .param("id", orgId)
                .update();
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID client(String firstName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clients (id, org_id, first_name, last_name) VALUES (:id, :org, :first, 'Test')")
                .param("id", id)
                .param("org", orgId)
                .param("first", firstName)
                .update();
        return id;
    }

    public UUID location() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO locations (id, org_id, name, timezone) VALUES (:id, :org, 'Main', 'Europe/Berlin')")
                .param("id", id)
                .param("org", orgId)
                .update();
        return id;
    }

    /** A scheduled class session two days ahead, with a class type of its own. */
    public UUID session(UUID locationId, int capacity) {
        UUID type = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity) VALUES (:id, :org, 'Vinyasa', 60, :cap)")
                .param("id", type)
                .param("org", orgId)
                .param("cap", capacity)
                .update();
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                VALUES (:id, :org, :type, :location, :start, :end, :day, :cap)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("type", type)
                .param("location", locationId)
                .param("start", start)
                .param("end", start.plusHours(1))
                .param("day", start.toLocalDate())
                .param("cap", capacity)
                .update();
        return id;
    }

    /** A booking; a confirmed or attended one holds a seat, as the booking path counts it. */
    public UUID booking(UUID sessionId, UUID clientId, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, waitlist_position, confirmed_at)
                VALUES (:id, :org, :session, :client, :status,
                        CASE WHEN :status = 'waitlisted' THEN 1 END, CASE WHEN :status <> 'waitlisted' THEN now() END)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("session", sessionId)
                .param("client", clientId)
                .param("status", status)
                .update();
        if (status.equals("confirmed") || status.equals("attended")) {
            jdbc.sql("UPDATE class_sessions SET confirmed_count = confirmed_count + 1 WHERE id = :id")
                    .param("id", sessionId)
                    .update();
        }
        return id;
    }

    /** A confirmed one-hour appointment of a new service, with a staff member of its own. */
    public UUID appointment(UUID locationId, UUID clientId) {
        UUID service = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO services (id, org_id, name, duration_minutes, currency) VALUES (:id, :org, 'Massage', 60, 'EUR')")
                .param("id", service)
                .param("org", orgId)
                .update();
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        jdbc.sql("""
                INSERT INTO appointments (id, org_id, service_id, staff_id, client_id, location_id, starts_at, ends_at,
                    blocked_from, blocked_to, status)
                VALUES (:id, :org, :service, :staff, :client, :location, :start, :end, :start, :end, 'confirmed')
                """)
                .param("id", id)
                .param("org", orgId)
                .param("service", service)
                .param("staff", UUID.randomUUID())
                .param("client", clientId)
                .param("location", locationId)
                .param("start", start)
                .param("end", start.plusHours(1))
                .update();
        return id;
    }

    /** A 10-class pack plan. */
    public UUID classPack() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_plans (id, org_id, name, kind, price_amount, currency, credits, period_unit, period_count)
                VALUES (:id, :org, '10 pack', 'class_pack', 15000, 'EUR', 10, 'month', 3)
                """).param("id", id).param("org", orgId).update();
        return id;
    }

    /** An active membership of a plan, granted {@code credits} in the ledger. */
    public UUID membership(UUID clientId, UUID planId, int credits) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        jdbc.sql("""
                INSERT INTO client_memberships (id, org_id, client_id, plan_id, status, starts_on, ends_on)
                VALUES (:id, :org, :client, :plan, 'active', :start, :end)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", clientId)
                .param("plan", planId)
                .param("start", today)
                .param("end", today.plusMonths(3))
                .update();
        jdbc.sql("""
                INSERT INTO credit_ledger (id, org_id, client_id, membership_id, delta, reason)
                VALUES (:id, :org, :client, :membership, :delta, 'grant')
                """)
                .param("id", UUID.randomUUID())
                .param("org", orgId)
                .param("client", clientId)
                .param("membership", id)
                .param("delta", credits)
                .update();
        return id;
    }

    /** A cash sale of 150.00 EUR. */
    public UUID sale(UUID clientId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sales (id, org_id, client_id, currency, subtotal, total, payment_method)
                VALUES (:id, :org, :client, 'EUR', 15000, 15000, 'cash')
                """)
                .param("id", id)
                .param("org", orgId)
                .param("client", clientId)
                .update();
        return id;
    }

    /** The client a row of one of the tables with a {@code client_id} column belongs to now. */
    public UUID clientOf(String table, UUID id) {
        return jdbc.sql("SELECT client_id FROM " + table + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(UUID.class)
                .single();
    }
}
