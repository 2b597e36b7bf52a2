package io.wellbase.commerce.internal.routines;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.commerce.CommerceProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A client's recommendations, kept for a short time on this node (Caffeine). A new order of the client drops them
 * here at once; other nodes see it when their copy times out ({@code wellbase.commerce.recommendations.cache-for}).
 */
@Component
public class RecommendationCache {

    private final Cache<Key, List<Recommendation>> cache;

    RecommendationCache(CommerceProperties properties) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.recommendations().cacheFor())
                .maximumSize(50_000)
                .build();
    }

    record Key(UUID org, UUID client) {}

    Optional<List<Recommendation>> get(UUID org, UUID client) {
        return Optional.ofNullable(cache.getIfPresent(new Key(org, client)));
    }

    void put(UUID org, UUID client, List<Recommendation> recommendations) {
        cache.put(new Key(org, client), List.copyOf(recommendations));
    }

    /** Drops the client's recommendations (their orders changed). */
    public void forget(UUID org, UUID client) {
        cache.invalidate(new Key(org, client));
    }
}
