package io.wellbase.identity.internal;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.data.Rows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The failed-login limit: at most {@code failedLoginsPerAccount} wrong passwords per account in any
 * {@code failedLoginWindow} (a sliding window, counted exactly in the database so every node agrees).
 * {@link #admit} takes a transaction-scoped lock on the account, so concurrent attempts queue behind
 * each other and none checks a password once the limit is reached. It stays on when the per-caller
 * request limits are switched off.
 */
@Component
class FailedLogins {

    private final JdbcClient jdbc;
    private final int limit;
    private final Duration window;

    FailedLogins(JdbcClient jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.limit = (int) platform.rateLimits().failedLoginsPerAccount();
        this.window = platform.rateLimits().failedLoginWindow();
    }

    /**
     * Must run inside the sign-in's transaction. Answers how long the account stays locked when the
     * limit is reached, or empty when a password may be checked.
     */
    Optional<Duration> admit(String normalizedEmail) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('login:' || :email, 0))")
                .param("email", normalizedEmail)
                .query((rs, n) -> 1)
                .list();
        record Window(long failures, OffsetDateTime oldest, OffsetDateTime now) {}
        Window recent = jdbc.sql("""
                SELECT count(*) AS failures, min(failed_at) AS oldest, clock_timestamp() AS now
                FROM login_failures
                WHERE email_normalized = :email
                  AND failed_at > clock_timestamp() - make_interval(secs => :window)
                """)
                .param("email", normalizedEmail)
                .param("window", window.toSeconds())
                .query(Rows.of(Window.class))
                .single();
        if (recent.failures() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(recent.now(), recent.oldest().plus(window));
        return Optional.of(left.isNegative() ? Duration.ofSeconds(1) : left);
    }

    void record(String normalizedEmail) {
        jdbc.sql("INSERT INTO login_failures (email_normalized) VALUES (:email)")
                .param("email", normalizedEmail)
                .update();
    }

    int limit() {
        return limit;
    }
}
