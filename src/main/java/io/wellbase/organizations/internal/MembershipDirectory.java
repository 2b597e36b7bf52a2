package io.wellbase.organizations.internal;

import io.wellbase.clients.ClientAccounts;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells identity which organizations a user belongs to, so tokens carry the right scope and role.
 */
@Component
class MembershipDirectory implements OrganizationDirectory {

    private final OrganizationStore organizations;
    private final ClientAccounts clientAccounts;
    private final JdbcClient jdbc;

    private final SearchIndex search;

    MembershipDirectory(
            OrganizationStore organizations, ClientAccounts clientAccounts, JdbcClient jdbc, SearchIndex search) {
        this.search = search;
        this.organizations = organizations;
        this.clientAccounts = clientAccounts;
        this.jdbc = jdbc;
    }

    /** Staff role when the user is a member, otherwise {@code client} when linked to a client record. */
    @Override
    public Optional<Role> roleOf(UUID userId, UUID organizationId) {
        Optional<Role> staff = organizations.roleOf(userId, organizationId);
        if (staff.isPresent() || organizations.deletionScheduled(organizationId)) {
            return staff;
        }
        return clientAccounts.clientOf(userId, organizationId).map(c -> Role.CLIENT);
    }

    @Override
    public boolean deletionScheduled(UUID organizationId) {
        return organizations.deletionScheduled(organizationId);
    }

    @Override
    public Optional<UUID> defaultOrganization(UUID userId) {
        java.util.Set<UUID> orgs = new java.util.LinkedHashSet<>(organizations.organizationsOf(userId));
        orgs.addAll(clientAccounts.organizationsOf(userId, 2));
        return orgs.size() == 1 ? Optional.of(orgs.iterator().next()) : Optional.empty();
    }

    @Override
    public void releaseUser(UUID userId) {
        List<UUID> owned = jdbc.sql("SELECT org_id FROM org_members WHERE user_id = :u AND role = 'owner'")
                .param("u", userId)
                .query(UUID.class)
                .list();
        for (UUID orgId : owned) {
            organizations.lock(orgId);
            if (organizations.countOwners(orgId) <= 1) {
                throw ApiException.conflict(
                        "organization.last_owner",
                        "You are the last owner of an organization; make someone else owner first");
            }
        }
        List<UUID> staffOf = organizations.allOrganizationsOf(userId);
        jdbc.sql("DELETE FROM org_members WHERE user_id = :u")
                .param("u", userId)
                .update();
        staffOf.forEach(orgId -> search.changed(SearchType.STAFF, orgId, userId));
    }

    @Override
    public List<UUID> staffOrganizations(UUID userId) {
        return organizations.allOrganizationsOf(userId);
    }
}
