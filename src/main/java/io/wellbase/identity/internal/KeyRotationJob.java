package io.wellbase.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.identity.IdentityProperties;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rotates the token signing key once the newest one is older than
 * {@code wellbase.identity.signing-key-rotation}; checked hourly on one worker.
 */
@Configuration(proxyBeanMethods = false)
class KeyRotationJob {

    @Bean
    RecurringTask<Void> signingKeyRotationTask(JwtKeyRing keyRing, IdentityProperties properties) {
        return Tasks.recurring("signing-key-rotation", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    OffsetDateTime newest = keyRing.newestKeyCreatedAt();
                    if (newest != null
                            && newest.plus(properties.signingKeyRotation()).isBefore(OffsetDateTime.now())) {
                        keyRing.rotate(properties.accessTokenTtl());
                    }
                });
    }
}
