package io.wellbase.commerce.internal.routines;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recommendations kept on this node: another node sees a new order when its copy times out. */
final class LocalRecommendationCache implements RecommendationCache {

    private final Cache<Key, List<Recommendation>> cache;

    LocalRecommendationCache(Duration keepFor) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(keepFor)
                .maximumSize(50_000)
                .build();
    }

    record Key(UUID org, UUID client) {}

    @Override
    public Optional<List<Recommendation>> get(UUID org, UUID client) {
        return Optional.ofNullable(cache.getIfPresent(new Key(org, client)));
    }

    @Override
    public void put(UUID org, UUID client, List<Recommendation> recommendations) {
        cache.put(new Key(org, client), List.copyOf(recommendations));
    }

    @Override
    public void forget(UUID org, UUID client) {
        cache.invalidate(new Key(org, client));
    }
}
