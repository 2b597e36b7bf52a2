package io.wellbase.organizations.internal.settings;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.files.StoredFiles;
import io.wellbase.organizations.internal.Checks;
import io.wellbase.organizations.internal.OrganizationStore;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Branding;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Change;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Document;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Locale;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Profile;
import io.wellbase.organizations.internal.settings.OrganizationSettings.Sections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Reads and changes an organization's settings document, each section checked before anything is written. */
@Service
class OrganizationSettingsService {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final StoredFiles files;
    private final OrganizationStore organizations;

    OrganizationSettingsService(
            JdbcClient jdbc, ObjectMapper json, AuditTrail audit, StoredFiles files, OrganizationStore organizations) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.files = files;
    }

    /** What a change came to. */
    sealed interface Outcome {
        record Changed(Document document) implements Outcome {}

        record StaleVersion(long current) implements Outcome {}

        record Invalid(String field, String reason) implements Outcome {}
    }

    @Transactional(readOnly = true)
    public Document read(UUID orgId) {
        return document(orgId, false);
    }

    @Transactional
    public Outcome change(UUID orgId, Change change, @Nullable Long expectedVersion) {
        Document current = document(orgId, true);
        if (expectedVersion != null && expectedVersion != current.version()) {
            return new Outcome.StaleVersion(current.version());
        }
        if (change.profile() != null) {
            Profile p = change.profile();
            if (!Checks.isTimezone(p.timezone())) {
                return new Outcome.Invalid("profile.timezone", "must be an IANA time zone");
            }
            if (!Checks.isCurrency(p.currency())) {
                return new Outcome.Invalid("profile.currency", "must be an ISO 4217 currency code");
            }
            if (!Checks.isCountry(p.country())) {
                return new Outcome.Invalid("profile.country", "must be an ISO 3166 country code");
            }
        }
        if (change.branding() != null
                && change.branding().logoFileId() != null
                && files.find(orgId, change.branding().logoFileId()).isEmpty()) {
            return new Outcome.Invalid("branding.logoFileId", "must be a file of this organization");
        }
        Profile profile = change.profile() == null ? current.profile() : change.profile();
        Branding branding = change.branding() == null ? current.branding() : change.branding();
        Locale locale = change.locale() == null ? current.locale() : change.locale();
        organizations.update(orgId, profile.name().strip(), profile.timezone(), profile.currency(), profile.country());
        jdbc.sql("""
                INSERT INTO organization_settings (org_id, branding, locale)
                VALUES (:org, CAST(:branding AS jsonb), CAST(:locale AS jsonb))
                ON CONFLICT (org_id) DO UPDATE SET branding = EXCLUDED.branding, locale = EXCLUDED.locale,
                                                   updated_at = now()
                """)
                .param("org", orgId)
                .param("branding", json.writeValueAsString(branding))
                .param("locale", json.writeValueAsString(locale))
                .update();
        Document changed = document(orgId, false);
        audit.record(
                AuditRecord.of(orgId, "organization.settings_changed", "organization", orgId, diff(current, changed)));
        return new Outcome.Changed(changed);
    }

    private Map<String, AuditChange> diff(Document before, Document after) {
        Map<String, AuditChange> changes = new LinkedHashMap<>();
        if (!before.profile().equals(after.profile())) {
            changes.put("profile", new AuditChange(before.profile(), after.profile()));
        }
        if (!before.branding().equals(after.branding())) {
            changes.put("branding", new AuditChange(before.branding(), after.branding()));
        }
        if (!before.locale().equals(after.locale())) {
            changes.put("locale", new AuditChange(before.locale(), after.locale()));
        }
        return changes;
    }

    private Document document(UUID orgId, boolean lock) {
        return jdbc.sql("""
                SELECT o.name, o.timezone, o.currency, o.country, o.version, s.branding::text AS branding,
                       s.locale::text AS locale
                FROM organizations o LEFT JOIN organization_settings s ON s.org_id = o.id
                WHERE o.id = :org
                """ + (lock ? " FOR UPDATE OF o" : ""))
                .param("org", orgId)
                .query((rs, n) -> {
                    String country = rs.getString("country").strip();
                    String branding = rs.getString("branding");
                    String locale = rs.getString("locale");
                    return new Document(
                            new Profile(
                                    rs.getString("name"),
                                    rs.getString("timezone"),
                                    rs.getString("currency").strip(),
                                    country),
                            branding == null ? Branding.DEFAULT : json.readValue(branding, Branding.class),
                            locale == null ? Locale.defaultFor(country) : json.readValue(locale, Locale.class),
                            Sections.LINKS,
                            rs.getLong("version"));
                })
                .single();
    }
}
