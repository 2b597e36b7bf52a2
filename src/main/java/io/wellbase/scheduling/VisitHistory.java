package io.wellbase.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** When clients last came (an attended class or a completed appointment), for messages to those who stopped. */
public interface VisitHistory {

    /**
     * The organization's clients whose last visit fell on {@code day} (the location's calendar day) and who
     * have nothing booked ahead: they stopped coming.
     */
    List<UUID> lastVisitedOn(UUID organizationId, LocalDate day);
}
