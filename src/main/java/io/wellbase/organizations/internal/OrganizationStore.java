package io.wellbase.organizations.internal;

import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Role;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for organizations and memberships.
 */
@Component
public class OrganizationStore {

    private final JdbcClient jdbc;
    private final SearchIndex search;

    OrganizationStore(JdbcClient jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** An organization with the caller's role in it. */
    record OrganizationRow(
            UUID id,
            String name,
            String timezone,
            String currency,
            String country,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String role,
            @org.jspecify.annotations.Nullable OffsetDateTime deletionDueAt) {}

    void insert(UUID id, String name, String timezone, String currency, String country) {
        jdbc.sql("""
                INSERT INTO organizations (id, name, timezone, currency, country)
                VALUES (:id, :name, :tz, :currency, :country)
                """)
                .param("id", id)
                .param("name", name)
                .param("tz", timezone)
                .param("currency", currency)
                .param("country", country)
                .update();
    }

    void addMember(UUID orgId, UUID userId, Role role) {
        jdbc.sql("""
                INSERT INTO org_members (org_id, user_id, role) VALUES (:org, :user, :role)
                ON CONFLICT (org_id, user_id) DO NOTHING
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("role", role.value())
                .update();
        search.changed(SearchType.STAFF, orgId, userId);
    }

    Optional<OrganizationRow> findForMember(UUID orgId, UUID userId) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.timezone, o.currency, o.country, o.created_at, o.updated_at, m.role,
                       o.deletion_due_at
                FROM organizations o JOIN org_members m ON m.org_id = o.id
                WHERE o.id = :org AND m.user_id = :user
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(Rows.of(OrganizationRow.class))
                .optional();
    }

    List<OrganizationRow> findAllForMember(UUID userId, int limit, long offset) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.timezone, o.currency, o.country, o.created_at, o.updated_at, m.role,
                       o.deletion_due_at
                FROM organizations o JOIN org_members m ON m.org_id = o.id
                WHERE m.user_id = :user
                ORDER BY o.name, o.id
                LIMIT :limit OFFSET :offset
                """)
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Rows.of(OrganizationRow.class))
                .list();
    }

    long countForMember(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM org_members WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Changes the profile fields and the organization's version. */
    public void update(UUID id, String name, String timezone, String currency, String country) {
        jdbc.sql("""
                UPDATE organizations SET name = :name, timezone = :tz, currency = :currency, country = :country,
                                         updated_at = now(), version = version + 1
                WHERE id = :id
                """)
                .param("id", id)
                .param("name", name)
                .param("tz", timezone)
                .param("currency", currency)
                .param("country", country)
                .update();
    }

    List<io.wellbase.organizations.Locations.StaffMember> staff(UUID orgId) {
        return jdbc.sql(
                        "SELECT user_id, role, created_at FROM org_members WHERE org_id = :org ORDER BY created_at, user_id")
                .param("org", orgId)
                .query((rs, n) -> new io.wellbase.organizations.Locations.StaffMember(
                        rs.getObject("user_id", UUID.class),
                        Role.parse(rs.getString("role")).orElseThrow(),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** The member's role; while the organization is scheduled for deletion, only an owner's. */
    Optional<Role> roleOf(UUID userId, UUID orgId) {
        return jdbc.sql("""
                SELECT m.role FROM org_members m JOIN organizations o ON o.id = m.org_id
                WHERE m.org_id = :org AND m.user_id = :user AND (o.deletion_due_at IS NULL OR m.role = 'owner')
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(String.class)
                .optional()
                .flatMap(Role::parse);
    }

    boolean deletionScheduled(UUID orgId) {
        return jdbc.sql("SELECT deletion_due_at IS NOT NULL FROM organizations WHERE id = :org")
                .param("org", orgId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Every organization where the user is a staff member. */
    List<UUID> allOrganizationsOf(UUID userId) {
        return jdbc.sql("SELECT org_id FROM org_members WHERE user_id = :user ORDER BY created_at")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }

    /** At most two of them, the oldest first: enough to tell whether there is exactly one. */
    List<UUID> organizationsOf(UUID userId) {
        return jdbc.sql("SELECT org_id FROM org_members WHERE user_id = :user ORDER BY created_at LIMIT 2")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }

    /** Serialises membership changes of one organization (the last-owner rule). */
    void lock(UUID orgId) {
        jdbc.sql("SELECT id FROM organizations WHERE id = :org FOR UPDATE")
                .param("org", orgId)
                .query(UUID.class)
                .optional();
    }

    long countOwners(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM org_members WHERE org_id = :org AND role = 'owner'")
                .param("org", orgId)
                .query(Long.class)
                .single();
    }
}
