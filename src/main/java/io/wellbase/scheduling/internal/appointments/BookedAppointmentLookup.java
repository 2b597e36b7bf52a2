package io.wellbase.scheduling.internal.appointments;

import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Rows;
import io.wellbase.scheduling.BookedAppointments;
import io.wellbase.scheduling.internal.LocationPlaces;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link BookedAppointments} over appointments and services; time zones from the locations. */
@Service
class BookedAppointmentLookup implements BookedAppointments {

    private final JdbcClient jdbc;
    private final LocationPlaces places;

    BookedAppointmentLookup(JdbcClient jdbc, LocationPlaces places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    private record Row(
            UUID id,
            UUID clientId,
            String serviceName,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            UUID locationId,
            String status) {}

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BookedAppointment> find(UUID orgId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.client_id, s.name AS service_name, a.starts_at, a.ends_at, a.location_id, a.status
                FROM appointments a JOIN services s ON s.org_id = a.org_id AND s.id = a.service_id
                WHERE a.org_id = :org AND a.id = ANY (:ids)
                """)
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(Rows.of(Row.class))
                .list();
        Map<UUID, BookedAppointment> found = new LinkedHashMap<>();
        for (Row r : rows) {
            Locations.Place place = places.of(orgId, r.locationId());
            found.put(
                    r.id(),
                    new BookedAppointment(
                            r.id(),
                            r.clientId(),
                            r.serviceName(),
                            r.startsAt(),
                            r.endsAt(),
                            place.timezone(),
                            place.name(),
                            r.status()));
        }
        return found;
    }
}
