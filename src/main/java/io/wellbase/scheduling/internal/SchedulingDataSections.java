package io.wellbase.scheduling.internal;

import io.wellbase.clients.ClientDataContributor;
import io.wellbase.platform.data.Rows;
import io.wellbase.scheduling.internal.appointments.Appointments;
import io.wellbase.scheduling.internal.classes.Attendance;
import io.wellbase.scheduling.internal.classes.Bookings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scheduling module's part of a client's data-subject export: every booking, the attendance
 * history (visits, with the class and its time) and every appointment, whatever their status.
 */
@Component
class SchedulingDataSections implements ClientDataContributor {

    private final JdbcClient jdbc;

    SchedulingDataSections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> exportFor(UUID organizationId, UUID clientId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put(
                "bookings",
                jdbc.sql(Bookings.SELECT + """
                WHERE b.org_id = :org AND b.client_id = :client
                ORDER BY b.created_at, b.id
                """)
                        .param("org", organizationId)
                        .param("client", clientId)
                        .query(Rows.of(Bookings.Booking.class))
                        .list());
        sections.put(
                "visits",
                jdbc.sql(Attendance.VISITS_OF_CLIENT + """
                ORDER BY s.starts_at DESC, b.id DESC
                """)
                        .param("org", organizationId)
                        .param("client", clientId)
                        .query(Rows.of(Attendance.Visit.class))
                        .list());
        sections.put(
                "appointments",
                jdbc.sql("""
                SELECT id, service_id, staff_id, client_id, location_id, room_id, starts_at, ends_at, status, notes,
                       created_at
                FROM appointments
                WHERE org_id = :org AND client_id = :client
                ORDER BY starts_at DESC, id DESC
                """)
                        .param("org", organizationId)
                        .param("client", clientId)
                        .query(Rows.of(Appointments.Appointment.class))
                        .list());
        return sections;
    }
}
