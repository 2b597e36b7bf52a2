package io.wellbase.scheduling.internal.classes;

import io.wellbase.organizations.Locations;
import io.wellbase.scheduling.BookedClasses;
import io.wellbase.scheduling.internal.LocationPlaces;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link BookedClasses} over bookings, their sessions and class types; time zones from the locations. */
@Service
class BookedClassLookup implements BookedClasses {

    private static final String SELECT = """
            SELECT b.id, b.client_id, b.session_id, t.name AS class_name, s.starts_at, s.location_id,
                   b.status = 'confirmed' AS confirmed, s.status = 'cancelled' AS session_cancelled
            FROM bookings b
            JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
            JOIN class_types t ON t.org_id = s.org_id AND t.id = s.class_type_id
            """;

    private final JdbcClient jdbc;
    private final LocationPlaces places;

    BookedClassLookup(JdbcClient jdbc, LocationPlaces places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    private record Row(
            UUID id,
            UUID clientId,
            UUID sessionId,
            String className,
            OffsetDateTime startsAt,
            UUID locationId,
            boolean confirmed,
            boolean sessionCancelled) {}

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BookedClass> find(UUID orgId, Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " WHERE b.org_id = :org AND b.id = ANY (CAST(:ids AS uuid[]))")
                .param("org", orgId)
                .param("ids", bookingIds.toArray(UUID[]::new))
                .query(BookedClassLookup::row)
                .list();
        return withPlaces(orgId, rows).stream()
                .collect(Collectors.toMap(BookedClass::bookingId, b -> b, (a, b) -> a, LinkedHashMap::new));
    }

    @Override
    @Transactional(readOnly = true)
    public List<BookedClass> upcoming(UUID orgId, Instant from, @Nullable UUID afterBookingId, int limit) {
        List<Row> rows = jdbc.sql(SELECT + """
                         WHERE b.org_id = :org AND b.status = 'confirmed' AND s.status = 'scheduled' AND s.starts_at > :from
                           AND (CAST(:after AS uuid) IS NULL OR b.id > :after)
                        ORDER BY b.id
                        LIMIT :limit
                        """)
                .param("org", orgId)
                .param("from", java.sql.Timestamp.from(from))
                .param("after", afterBookingId)
                .param("limit", limit)
                .query(BookedClassLookup::row)
                .list();
        return withPlaces(orgId, rows);
    }

    @Override
    @Transactional(readOnly = true)
    public List<BookedClass> waitlistedOn(UUID orgId, UUID sessionId) {
        List<Row> rows = jdbc.sql(
                        SELECT + " WHERE b.org_id = :org AND b.session_id = :session AND b.status = 'waitlisted'")
                .param("org", orgId)
                .param("session", sessionId)
                .query(BookedClassLookup::row)
                .list();
        return withPlaces(orgId, rows);
    }

    private List<BookedClass> withPlaces(UUID orgId, List<Row> rows) {
        return rows.stream()
                .map(r -> {
                    Locations.Place place = places.of(orgId, r.locationId());
                    return new BookedClass(
                            r.id(),
                            r.clientId(),
                            r.sessionId(),
                            r.className(),
                            r.startsAt(),
                            place.timezone(),
                            place.name(),
                            r.confirmed(),
                            r.sessionCancelled());
                })
                .toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("class_name"),
                rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("location_id", UUID.class),
                rs.getBoolean("confirmed"),
                rs.getBoolean("session_cancelled"));
    }
}
