package io.wellbase.identity.internal.apikeys;

import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.platform.security.ApiKeyAuthenticator;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who a presented API key is, read from current state on every request (nothing cached, so a revocation or a
 * removed member ends the key at once on every node): the key must be live, its maker must still hold a staff role
 * in its organization, and its rights are its scopes that this role still grants.
 */
@Component
class ApiKeyAuthentication implements ApiKeyAuthenticator {

    private final ApiKeyStore store;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    ApiKeyAuthentication(ApiKeyStore store, OrganizationDirectory organizations, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey, String remoteAddress) {
        if (!presentedKey.startsWith(ApiKeySecret.SCHEME)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<ApiKeyStore.ApiKey> found = store.findByHash(ApiKeySecret.hash(presentedKey));
        if (found.isEmpty()
                || ApiKeyStatus.of(found.get().revokedAt(), found.get().expiresAt(), now) != ApiKeyStatus.ACTIVE) {
            return Optional.empty();
        }
        ApiKeyStore.ApiKey key = found.get();
        Optional<Role> role = organizations.roleOf(key.createdBy(), key.orgId()).filter(r -> r != Role.CLIENT);
        if (role.isEmpty() || organizations.deletionScheduled(key.orgId())) {
            return Optional.empty();
        }
        store.touch(key.id(), remoteAddress, now);
        return Optional.of(
                Caller.ofApiKey(key.id(), key.createdBy(), key.orgId(), role.get(), scopes(key, role.get())));
    }

    /** The key's scopes that the maker's role grants today. */
    private static Set<Permission> scopes(ApiKeyStore.ApiKey key, Role role) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String scope : key.scopes()) {
            Permission.parse(scope).filter(p -> p.grantedTo(role)).ifPresent(granted::add);
        }
        return granted;
    }
}
