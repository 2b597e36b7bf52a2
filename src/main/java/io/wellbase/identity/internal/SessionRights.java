package io.wellbase.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.platform.data.AfterCommit;
import io.wellbase.platform.security.Role;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an access token may do now, read from current state rather than from the token: whether its
 * sign-in (the refresh-token family named by the {@code sid} claim) is still live, and the user's
 * current role in the token's organization. Each answer is kept for
 * {@link IdentityProperties#sessionCheckInterval()} and dropped at once on this node when it changes,
 * so a sign-out, a password reset, a removed member or a demotion ends the old rights within seconds
 * on every node.
 */
@Component
class SessionRights {

    private final JdbcClient jdbc;
    private final OrganizationDirectory organizations;
    private final Cache<Key, State> states;

    SessionRights(JdbcClient jdbc, OrganizationDirectory organizations, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.states = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(properties.sessionCheckInterval())
                .build();
    }

    /** A session of a user, as seen in one organization (null when the token is not scoped to one). */
    record Key(UUID userId, UUID sessionId, @Nullable UUID orgId) {}

    /** Whether the session is live, and the role it has now in the key's organization. */
    record State(boolean live, Optional<Role> role) {}

    State of(Key key) {
        return states.get(key, this::load);
    }

    /** Forgets what this node knows of one sign-in (it was signed out or revoked). */
    void sessionEnded(UUID sessionId) {
        forget(key -> key.sessionId().equals(sessionId));
    }

    /** Forgets what this node knows of a user's sessions (signed out everywhere, roles changed). */
    void userChanged(UUID userId) {
        forget(key -> key.userId().equals(userId));
    }

    /** Now, and again after the current transaction commits, so no request caches the state it replaces. */
    private void forget(Predicate<Key> which) {
        states.asMap().keySet().removeIf(which);
        AfterCommit.run(() -> states.asMap().keySet().removeIf(which));
    }

    private State load(Key key) {
        boolean live = jdbc.sql("""
                SELECT EXISTS (
                    SELECT 1 FROM refresh_tokens
                    WHERE family_id = :session AND user_id = :user AND revoked_at IS NULL)
                """)
                .param("session", key.sessionId())
                .param("user", key.userId())
                .query(Boolean.class)
                .single();
        if (!live || key.orgId() == null) {
            return new State(live, Optional.empty());
        }
        return new State(true, organizations.roleOf(key.userId(), key.orgId()));
    }
}
