package io.wellbase.organizations;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** What other modules may know of an organization: its name, time zone, currency, country and language. */
public interface OrganizationProfiles {

    /** The organization, empty for an unknown id. */
    Optional<Profile> find(UUID organizationId);

    /**
     * The organization as reports, imports and exports see it; {@code language} is its locale's (the settings
     * document's, else English).
     */
    record Profile(UUID id, String name, ZoneId zone, String currency, String country, String language) {}
}
