package io.wellbase.scheduling.internal.calendar;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.data.Secrets;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds at secret URLs, for a staff member (classes they teach, their appointments) or a
 * client (their bookings and appointments), from 30 days back to 180 days ahead. No login: the
 * token is the key, stored as a digest, and revoking it ends the feed.
 */
@Service
class CalendarFeeds {

    private final JdbcClient jdbc;
    private final Locations locations;
    private final ClientDirectory clients;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarFeeds(
            JdbcClient jdbc,
            Locations locations,
            ClientDirectory clients,
            PublicUrl publicUrl,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.audit = audit;
        this.clock = clock;
    }

    /** A feed as its owner sees it; the URL (with the token) only in the answer that creates it. */
    record Feed(UUID id, String ownerType, UUID ownerId, OffsetDateTime createdAt, String url) {}

    private record Owner(UUID orgId, String ownerType, UUID ownerId) {}

    @Transactional
    Feed create(UUID orgId, String ownerType, UUID ownerId, UUID by) {
        boolean known = ownerType.equals("staff")
                ? locations.isStaff(orgId, ownerId)
                : clients.find(orgId, ownerId).isPresent();
        if (!known) {
            throw ApiException.notFound(ownerType.equals("staff") ? "Staff member" : "Client");
        }
        String token = Secrets.newToken();
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO calendar_feeds (id, org_id, owner_type, owner_id, token_hash, created_by)
                VALUES (:id, :org, :type, :owner, :hash, :by)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("type", ownerType)
                .param("owner", ownerId)
                .param("hash", Secrets.sha256(token))
                .param("by", by)
                .update();
        audit.record(AuditRecord.of(orgId, "calendar_feed.created", "calendar_feed", id, Map.of()));
        return new Feed(
                id, ownerType, ownerId, OffsetDateTime.now(clock), publicUrl.base() + "/calendar/" + token + ".ics");
    }

    @Transactional(readOnly = true)
    List<Feed> list(UUID orgId, String ownerType, UUID ownerId) {
        return jdbc.sql("""
                SELECT id, owner_type, owner_id, created_at, NULL AS url FROM calendar_feeds
                WHERE org_id = :org AND owner_type = :type AND owner_id = :owner AND revoked_at IS NULL ORDER BY created_at
                """)
                .param("org", orgId)
                .param("type", ownerType)
                .param("owner", ownerId)
                .query(Rows.of(Feed.class))
                .list();
    }

    @Transactional
    void revoke(UUID orgId, UUID id, String ownerType, UUID ownerId) {
        int updated = jdbc.sql("""
                UPDATE calendar_feeds SET revoked_at = now()
                WHERE org_id = :org AND id = :id AND revoked_at IS NULL
                  AND (CAST(:type AS text) IS NULL OR (owner_type = :type AND owner_id = :owner))
                """)
                .param("org", orgId)
                .param("id", id)
                .param("type", ownerType)
                .param("owner", ownerId)
                .update();
        if (updated == 0) {
            throw ApiException.notFound("Calendar feed");
        }
        audit.record(AuditRecord.of(orgId, "calendar_feed.revoked", "calendar_feed", id, Map.of()));
    }

    @Transactional(readOnly = true)
    String render(String token) {
        Owner owner = jdbc.sql("""
                SELECT org_id, owner_type, owner_id FROM calendar_feeds WHERE token_hash = :hash AND revoked_at IS NULL
                """)
                .param("hash", Secrets.sha256(token))
                .query(Rows.of(Owner.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Calendar feed"));
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(30));
        Instant to = now.plus(Duration.ofDays(180));
        List<Map<String, Object>> rows =
                owner.ownerType().equals("staff") ? staffRows(owner, from, to) : clientRows(owner, from, to);
        List<ICalendar.Event> events = new ArrayList<>();
        Map<UUID, Locations.Place> places = new java.util.HashMap<>();
        for (Map<String, Object> r : rows) {
            Locations.Place place = places.computeIfAbsent(
                    (UUID) r.get("location_id"),
                    id -> locations.place(owner.orgId(), id).orElseThrow());
            events.add(new ICalendar.Event(
                    r.get("uid") + "@wellbase",
                    (String) r.get("summary"),
                    place.name(),
                    null,
                    instant(r.get("starts_at")),
                    instant(r.get("ends_at")),
                    ZoneId.of(place.timezone()),
                    Boolean.TRUE.equals(r.get("cancelled"))));
        }
        return ICalendar.render("Wellbase", from, to, now, events);
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    private List<Map<String, Object>> staffRows(Owner o, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT 'session-' || s.id AS uid, t.name AS summary, s.location_id, s.starts_at, s.ends_at,
                       s.status = 'cancelled' AS cancelled
                FROM class_sessions s JOIN class_types t ON t.org_id = s.org_id AND t.id = s.class_type_id
                WHERE s.org_id = :org AND coalesce(s.substitute_instructor_id, s.instructor_id) = :owner
                  AND s.starts_at BETWEEN :from AND :to
                UNION ALL
                SELECT 'appointment-' || a.id, v.name, a.location_id, a.starts_at, a.ends_at, a.status = 'cancelled'
                FROM appointments a JOIN services v ON v.org_id = a.org_id AND v.id = a.service_id
                WHERE a.org_id = :org AND a.staff_id = :owner AND a.starts_at BETWEEN :from AND :to
                ORDER BY 4
                """)
                .param("org", o.orgId())
                .param("owner", o.ownerId())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query()
                .listOfRows();
    }

    private List<Map<String, Object>> clientRows(Owner o, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT 'booking-' || b.id AS uid, t.name AS summary, s.location_id, s.starts_at, s.ends_at,
                       (s.status = 'cancelled' OR b.status IN ('cancelled', 'late_cancelled')) AS cancelled
                FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
                JOIN class_types t ON t.org_id = s.org_id AND t.id = s.class_type_id
                WHERE b.org_id = :org AND b.client_id = :owner AND b.status <> 'waitlisted'
                  AND s.starts_at BETWEEN :from AND :to
                UNION ALL
                SELECT 'appointment-' || a.id, v.name, a.location_id, a.starts_at, a.ends_at, a.status = 'cancelled'
                FROM appointments a JOIN services v ON v.org_id = a.org_id AND v.id = a.service_id
                WHERE a.org_id = :org AND a.client_id = :owner AND a.starts_at BETWEEN :from AND :to
                ORDER BY 4
                """)
                .param("org", o.orgId())
                .param("owner", o.ownerId())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query()
                .listOfRows();
    }
}
