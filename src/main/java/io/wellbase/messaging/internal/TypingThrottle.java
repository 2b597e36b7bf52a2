package io.wellbase.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** At most one typing signal per socket and conversation every {@link #EVERY}; a flood is dropped, not relayed. */
@Component
class TypingThrottle {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final Cache<List<Object>, Boolean> recent =
            Caffeine.newBuilder().expireAfterWrite(EVERY).maximumSize(100_000).build();

    boolean allow(@Nullable String sessionId, UUID conversationId) {
        return recent.asMap().putIfAbsent(List.of(String.valueOf(sessionId), conversationId), Boolean.TRUE) == null;
    }
}
