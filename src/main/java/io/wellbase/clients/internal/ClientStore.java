package io.wellbase.clients.internal;

import io.wellbase.platform.data.Rows;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * SQL for client rows and their tags and alerts; every statement carries the organization.
 */
@Component
class ClientStore {

    static final String ACTIVE = "merged_into_id IS NULL AND erased_at IS NULL";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ClientListCache listCache;
    private final SearchIndex search;

    ClientStore(JdbcClient jdbc, ObjectMapper json, ClientListCache listCache, SearchIndex search) {
        this.jdbc = jdbc;
        this.json = json;
        this.listCache = listCache;
        this.search = search;
    }

    void insert(UUID orgId, UUID id, ClientFields f) {
        listCache.changed(orgId);
        jdbc.sql("""
                INSERT INTO clients (id, org_id, first_name, last_name, email, phone, mobile_phone, birth_date, gender,
                    line1, line2, city, postal_code, region, country, emergency_name, emergency_phone,
                    emergency_relationship, status, source, referred_by_id, marketing_consent, waiver_signed_on,
                    custom_fields, external_ids)
                VALUES (:id, :org, :first, :last, :email, :phone, :mobile, :birth, :gender,
                    :line1, :line2, :city, :postal, :region, :country, :eName, :ePhone, :eRel,
                    :status, :source, :referredBy, :consent, :waiver,
                    CAST(:custom AS jsonb), CAST(:external AS jsonb))
                """).params(params(orgId, id, f)).update();
        search.changed(SearchType.CLIENT, orgId, id);
    }

    void update(UUID orgId, UUID id, ClientFields f) {
        listCache.changed(orgId);
        jdbc.sql("""
                UPDATE clients SET first_name = :first, last_name = :last, email = :email, phone = :phone,
                    mobile_phone = :mobile, birth_date = :birth, gender = :gender, line1 = :line1, line2 = :line2,
                    city = :city, postal_code = :postal, region = :region, country = :country,
                    emergency_name = :eName, emergency_phone = :ePhone, emergency_relationship = :eRel,
                    status = :status, source = :source, referred_by_id = :referredBy, marketing_consent = :consent,
                    waiver_signed_on = :waiver, custom_fields = CAST(:custom AS jsonb),
                    external_ids = CAST(:external AS jsonb), updated_at = now(), version = version + 1
                WHERE org_id = :org AND id = :id
                """).params(params(orgId, id, f)).update();
        search.changed(SearchType.CLIENT, orgId, id);
    }

    private Map<String, Object> params(UUID orgId, UUID id, ClientFields f) {
        var a = f.address() == null ? new ClientView.Address(null, null, null, null, null, null) : f.address();
        var e = f.emergencyContact() == null ? new ClientView.EmergencyContact(null, null, null) : f.emergencyContact();
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("id", id);
        p.put("org", orgId);
        p.put("first", f.firstName());
        p.put("last", f.lastName());
        p.put("email", f.email());
        p.put("phone", f.phone());
        p.put("mobile", f.mobilePhone());
        p.put("birth", f.birthDate());
        p.put("gender", f.gender());
        p.put("line1", a.line1());
        p.put("line2", a.line2());
        p.put("city", a.city());
        p.put("postal", a.postalCode());
        p.put("region", a.region());
        p.put("country", a.country());
        p.put("eName", e.name());
        p.put("ePhone", e.phone());
        p.put("eRel", e.relationship());
        p.put("status", f.status());
        p.put("source", f.source());
        p.put("referredBy", f.referredById());
        p.put("consent", Boolean.TRUE.equals(f.marketingConsent()));
        p.put("waiver", f.waiverSignedOn());
        p.put("custom", json.writeValueAsString(f.customFields() == null ? Map.of() : f.customFields()));
        p.put("external", json.writeValueAsString(f.externalIds() == null ? Map.of() : f.externalIds()));
        return p;
    }

    Optional<ClientView> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM clients WHERE org_id = :org AND id = :id AND " + ACTIVE)
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** Locks the row for a change, so concurrent edits serialise. */
    Optional<ClientView> findForUpdate(UUID orgId, UUID id) {
        return jdbc.sql("SELECT * FROM clients WHERE org_id = :org AND id = :id AND " + ACTIVE + " FOR UPDATE")
                .param("org", orgId)
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    ClientView view(ResultSet rs) throws SQLException {
        return new ClientView(
                rs.getObject("id", UUID.class),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("mobile_phone"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("gender"),
                new ClientView.Address(
                        rs.getString("line1"),
                        rs.getString("line2"),
                        rs.getString("city"),
                        rs.getString("postal_code"),
                        rs.getString("region"),
                        rs.getString("country")),
                new ClientView.EmergencyContact(
                        rs.getString("emergency_name"),
                        rs.getString("emergency_phone"),
                        rs.getString("emergency_relationship")),
                rs.getString("status"),
                rs.getString("source"),
                rs.getObject("referred_by_id", UUID.class),
                rs.getBoolean("marketing_consent"),
                rs.getObject("waiver_signed_on", LocalDate.class),
                List.of(),
                readMap(rs.getString("custom_fields")),
                readMap(rs.getString("external_ids")),
                List.of(),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String text) {
        // Most clients have no custom fields or external ids: a list page would parse "{}" twice a row.
        return text == null || "{}".equals(text) ? Map.of() : json.readValue(text, Map.class);
    }

    Map<UUID, List<String>> tags(UUID orgId, Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT client_id, tag FROM client_tags WHERE org_id = :org AND client_id IN (:ids) ORDER BY tag")
                .param("org", orgId)
                .param("ids", clientIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    void replaceTags(UUID orgId, UUID clientId, Collection<String> tags) {
        listCache.changed(orgId);
        jdbc.sql("DELETE FROM client_tags WHERE org_id = :org AND client_id = :id")
                .param("org", orgId)
                .param("id", clientId)
                .update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO client_tags (org_id, client_id, tag) VALUES (:org, :id, :tag) ON CONFLICT DO NOTHING")
                    .param("org", orgId)
                    .param("id", clientId)
                    .param("tag", tag)
                    .update();
        }
    }

    List<io.wellbase.clients.ClientDirectory.ClientListing> listing(UUID orgId) {
        return jdbc.sql("""
                SELECT id, first_name, last_name, email, status, created_at FROM clients
                WHERE org_id = :org AND merged_into_id IS NULL AND erased_at IS NULL
                ORDER BY created_at, last_name, first_name, email
                """)
                .param("org", orgId)
                .query(io.wellbase.clients.ClientDirectory.ClientListing.class)
                .list();
    }

    Map<UUID, io.wellbase.clients.ClientDirectory.ClientName> names(UUID orgId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, io.wellbase.clients.ClientDirectory.ClientName> names = new java.util.HashMap<>();
        jdbc.sql("SELECT id, first_name, last_name FROM clients WHERE org_id = :org AND id = ANY(:ids)")
                .param("org", orgId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(
                            rs.getObject(1, UUID.class),
                            new io.wellbase.clients.ClientDirectory.ClientName(rs.getString(2), rs.getString(3)));
                });
        return names;
    }

    List<ClientView.AlertView> openAlerts(UUID orgId, UUID clientId) {
        return jdbc.sql("""
                SELECT id, level, message, visible_to_client, created_at FROM client_alerts
                WHERE org_id = :org AND client_id = :id AND resolved_at IS NULL
                ORDER BY level DESC, created_at DESC
                """)
                .param("org", orgId)
                .param("id", clientId)
                .query(Rows.of(ClientView.AlertView.class))
                .list();
    }

    /** Replaces personal data with placeholders; the row and its id stay for aggregates. */
    void anonymise(UUID orgId, UUID id) {
        listCache.changed(orgId);
        jdbc.sql("""
                UPDATE clients SET first_name = 'Erased', last_name = 'client', email = NULL, phone = NULL,
                    mobile_phone = NULL, birth_date = NULL, gender = NULL, line1 = NULL, line2 = NULL, city = NULL,
                    postal_code = NULL, region = NULL, country = NULL, emergency_name = NULL, emergency_phone = NULL,
                    emergency_relationship = NULL, source = NULL, referred_by_id = NULL, marketing_consent = false,
                    custom_fields = '{}', external_ids = '{}', erased_at = now(), updated_at = now(),
                    version = version + 1
                WHERE org_id = :org AND id = :id
                """).param("org", orgId).param("id", id).update();
        search.changed(SearchType.CLIENT, orgId, id);
        jdbc.sql("DELETE FROM client_notes WHERE org_id = :org AND client_id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM client_alerts WHERE org_id = :org AND client_id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM client_tags WHERE org_id = :org AND client_id = :id")
                .param("org", orgId)
                .param("id", id)
                .update();
    }
}
