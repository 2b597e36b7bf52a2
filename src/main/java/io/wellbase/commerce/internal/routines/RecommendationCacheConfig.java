package io.wellbase.commerce.internal.routines;

import io.wellbase.commerce.CommerceProperties;
import io.wellbase.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Chooses where recommendations are kept: Redis when {@code WELLBASE_REDIS_URL} is set, each node's memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RecommendationCacheConfig {

    @Bean
    RecommendationCache recommendationCache(
            PlatformProperties platform, CommerceProperties commerce, ObjectMapper json) {
        if (platform.redis().configured()) {
            return new RedisRecommendationCache(
                    platform.redis().url(),
                    platform.redis().keyPrefix(),
                    commerce.recommendations().cacheFor(),
                    json);
        }
        return new LocalRecommendationCache(commerce.recommendations().cacheFor());
    }
}
