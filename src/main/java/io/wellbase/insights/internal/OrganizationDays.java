package io.wellbase.insights.internal;

import io.wellbase.organizations.OrganizationProfiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Today in an organization's own time zone, for the insights jobs and listeners. */
@Component
public class OrganizationDays {

    private final OrganizationProfiles organizations;
    private final Clock clock;

    OrganizationDays(OrganizationProfiles organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    public LocalDate today(UUID org) {
        return organizations
                .find(org)
                .map(p -> LocalDate.now(clock.withZone(p.zone())))
                .orElse(LocalDate.now(clock));
    }
}
