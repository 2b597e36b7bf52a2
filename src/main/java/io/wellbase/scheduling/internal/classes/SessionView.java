package io.wellbase.scheduling.internal.classes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A class session as the API shows it; the meeting link is only handed out by the join endpoint.
 */
record SessionView(
        UUID id,
        UUID classTypeId,
        String classTypeName,
        UUID scheduleId,
        UUID locationId,
        UUID roomId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        int capacity,
        int confirmedCount,
        int spotsLeft,
        int waitlistCount,
        String status,
        String cancelReason,
        UUID instructorId,
        UUID substituteInstructorId,
        boolean online) {}
