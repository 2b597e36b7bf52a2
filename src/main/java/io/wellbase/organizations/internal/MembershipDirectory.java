package io.wellbase.organizations.internal;

import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
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
    private final JdbcClient jdbc;

    MembershipDirectory(OrganizationStore organizations, JdbcClient jdbc) {
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Role> roleOf(UUID userId, UUID organizationId) {
        return organizations.roleOf(userId, organizationId);
    }

    @Override
    public Optional<UUID> defaultOrganization(UUID userId) {
        List<UUID> orgs = organizations.organizationsOf(userId);
        return orgs.size() == 1 ? Optional.of(orgs.getFirst()) : Optional.empty();
    }

    @Override
    public void releaseUser(UUID userId) {
        List<UUID> owned = jdbc.sql("SELECT org_id FROM org_members WHERE user_id = :u AND role = 'owner'")
                .param("u", userId).query(UUID.class).list();
        for (UUID orgId : owned) {
            organizations.lock(orgId);
            if (organizations.countOwners(orgId) <= 1) {
                throw ApiException.conflict("organization.last_owner",
                        "You are the last owner of an organization; make someone else owner first");
            }
        }
        jdbc.sql("DELETE FROM org_members WHERE user_id = :u").param("u", userId).update();
    }
}
