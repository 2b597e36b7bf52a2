package io.wellbase.organizations.internal;

import io.wellbase.organizations.OrganizationProfiles;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OrganizationProfiles}: one row of {@code organizations}. */
@Component
class OrganizationProfileLookup implements OrganizationProfiles {

    private final JdbcClient jdbc;

    OrganizationProfileLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Profile> find(UUID organizationId) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.timezone, o.currency, o.country, s.locale ->> 'language' AS language
                FROM organizations o LEFT JOIN organization_settings s ON s.org_id = o.id
                WHERE o.id = :id
                """)
                .param("id", organizationId)
                .query((rs, n) -> new Profile(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        ZoneId.of(rs.getString("timezone")),
                        rs.getString("currency"),
                        rs.getString("country"),
                        rs.getString("language") != null
                                ? rs.getString("language")
                                : io.wellbase.organizations.internal.settings.LocaleDefaults.LANGUAGE))
                .optional();
    }
}
