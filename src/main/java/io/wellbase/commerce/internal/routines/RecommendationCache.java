package io.wellbase.commerce.internal.routines;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's recommendations, kept for a short time ({@code wellbase.commerce.recommendations.cache-for}): on each node
 * (Caffeine) by default, or in Redis when {@code wellbase.platform.redis.url} is set, so that a new order dropping
 * them is seen by every node at once.
 */
public interface RecommendationCache {

    Optional<List<Recommendation>> get(UUID org, UUID client);

    void put(UUID org, UUID client, List<Recommendation> recommendations);

    /** Drops the client's recommendations (their orders changed). */
    void forget(UUID org, UUID client);
}
