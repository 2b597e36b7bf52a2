package io.wellbase.platform.internal.ratelimit;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.ratelimit.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where buckets live: Redis when {@code WELLBASE_REDIS_URL} is set, memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfig.class);

    @Bean
    RateLimiter rateLimiter(PlatformProperties properties) {
        if (properties.redis().configured()) {
            log.info("Rate limits are shared through Redis");
            return new RedisRateLimiter(properties.redis().url(), properties.redis().keyPrefix());
        }
        return new InMemoryRateLimiter();
    }
}
