package io.wellbase.care.internal;

import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.web.RequestDates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Days in the organization's zone for the care endpoints' {@code from}/{@code to} parameters. */
@Component
public class CareDays {

    private final OrganizationProfiles organizations;
    private final Clock clock;

    CareDays(OrganizationProfiles organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    public ZoneId zone(UUID org) {
        return organizations.find(org).map(OrganizationProfiles.Profile::zone).orElse(ZoneId.of("UTC"));
    }

    public LocalDate today(UUID org) {
        return LocalDate.now(clock.withZone(zone(org)));
    }

    /** The start of the day named by {@code value} in the organization's zone, or null when absent. */
    public @Nullable OffsetDateTime startOf(UUID org, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RequestDates.date(field, value, LocalDate.MIN)
                .atStartOfDay(zone(org))
                .toOffsetDateTime();
    }

    /** The start of the day after the one named by {@code value} (an inclusive end), or null when absent. */
    public @Nullable OffsetDateTime endOf(UUID org, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RequestDates.date(field, value, LocalDate.MIN)
                .plusDays(1)
                .atStartOfDay(zone(org))
                .toOffsetDateTime();
    }
}
