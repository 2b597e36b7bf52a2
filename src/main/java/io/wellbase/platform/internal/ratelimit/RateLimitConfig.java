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
        if (!properties.rateLimits().enabled()) {
            log.warn(
                    "Request rate limits are off (wellbase.platform.rate-limits.enabled=false): no per-caller or "
                            + "per-address limits, no limit on invalid bearer tokens. Still on: the failed-login limit "
                            + "({} per account per {}) and the body size limits.",
                    properties.rateLimits().failedLoginsPerAccount(),
                    properties.rateLimits().failedLoginWindow());
        }
        if (properties.redis().configured()) {
            log.info("Rate limits are shared through Redis");
            return new RedisRateLimiter(
                    properties.redis().url(), properties.redis().keyPrefix());
        }
        return new InMemoryRateLimiter();
    }
}
