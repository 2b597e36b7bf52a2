package io.wellbase.scheduling;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Appointments as notifications see them: who, which service, when and in which time zone, and whether
 * the appointment still stands (pending or confirmed).
 */
public interface BookedAppointments {

    /** The organization's appointments with these ids; ids of other organizations are absent. */
    Map<UUID, BookedAppointment> find(UUID organizationId, Collection<UUID> appointmentIds);

    /** An appointment with a service. */
    record BookedAppointment(
            UUID appointmentId,
            UUID clientId,
            String serviceName,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String timezone,
            String locationName,
            String status) {

        /** Pending or confirmed: a reminder is worth sending. */
        public boolean stands() {
            return status.equals("pending") || status.equals("confirmed");
        }
    }
}
