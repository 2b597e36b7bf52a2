package io.wellbase.clients.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.clients.ClientListChanges;
import io.wellbase.platform.data.AfterCommit;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Totals and facets of the client list, computed once per organization, filter and change and kept
 * for a few seconds: a filter menu and a page's total do not have to scan every matching client on
 * every request. Any write of the clients module (and any module that calls
 * {@link ClientListChanges#changed}) moves the organization to a new generation on this node, at once
 * and again after its commit, so that a count taken in between is never served afterwards.
 */
@Component
class ClientListCache implements ClientListChanges {

    private final Cache<Key, Object> entries;
    private final Map<UUID, Long> generations = new ConcurrentHashMap<>();
    private final boolean off;

    ClientListCache(@Value("${wellbase.clients.list-cache-ttl:5s}") Duration ttl) {
        this.off = ttl.isZero();
        this.entries =
                Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ttl).build();
    }

    private record Key(UUID orgId, long generation, String sql, Map<String, Object> params) {}

    /** The answer of {@code sql} with {@code params} for the organization, from the cache or {@code load}. */
    @SuppressWarnings("unchecked")
    <T> T get(UUID orgId, String sql, Map<String, Object> params, Supplier<T> load) {
        if (off) {
            return load.get(); // a zero TTL keeps nothing: no key to build, no entry to store
        }
        Key key = new Key(orgId, generations.getOrDefault(orgId, 0L), sql, new TreeMap<>(params));
        return (T) entries.get(key, k -> load.get());
    }

    @Override
    public void changed(UUID organizationId) {
        generations.merge(organizationId, 1L, Long::sum);
        AfterCommit.run(() -> generations.merge(organizationId, 1L, Long::sum));
    }
}
