package io.wellbase.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.platform.PlatformProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hourly: deletes refresh tokens a day after they expired or were revoked, single-use tokens a day
 * after they expired, and failed sign-ins once they are out of the failed-login window. A deleted
 * refresh token's session is simply no longer live.
 */
@Configuration(proxyBeanMethods = false)
class TokenRetentionJob {

    private static final Duration GRACE = Duration.ofDays(1);

    @Bean
    RecurringTask<Void> tokenRetentionTask(JdbcClient jdbc, PlatformProperties platform) {
        return Tasks.recurring("identity-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute(
                        (instance, context) -> purge(jdbc, platform.rateLimits().failedLoginWindow()));
    }

    static void purge(JdbcClient jdbc, Duration failedLoginWindow) {
        jdbc.sql("""
                DELETE FROM refresh_tokens
                WHERE expires_at < now() - make_interval(secs => :grace)
                   OR revoked_at < now() - make_interval(secs => :grace)
                """).param("grace", GRACE.toSeconds()).update();
        jdbc.sql("DELETE FROM one_time_tokens WHERE expires_at < now() - make_interval(secs => :grace)")
                .param("grace", GRACE.toSeconds())
                .update();
        jdbc.sql("DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => :window)")
                .param("window", failedLoginWindow.plusHours(1).toSeconds())
                .update();
    }
}
