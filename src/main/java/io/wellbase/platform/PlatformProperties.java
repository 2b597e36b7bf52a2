package io.wellbase.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform module ({@code wellbase.platform.*}); docs/operations.md lists each.
 * {@code publicUrl} is where clients reach this server ({@code WELLBASE_PUBLIC_URL}): every absolute
 * link the server writes (mails, download links, calendar feeds, join links) starts with it, never
 * with a request's {@code Host} header. Unset, it is {@code http://localhost:<the port in use>}.
 * {@code appUrl} is the front end that links in mails and join links lead to (the API's URL when unset).
 */
@Validated
@ConfigurationProperties("wellbase.platform")
public record PlatformProperties(
        @Nullable String publicUrl,
        @Nullable String appUrl,
        @Valid @DefaultValue Db db,
        @Valid @DefaultValue RateLimits rateLimits,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Mail mail,
        @DefaultValue Demo demo,
        @DefaultValue Redis redis,
        @Valid @DefaultValue Events events,
        @DefaultValue Metrics metrics) {

    /**
     * The database: external when {@code url} is set, embedded PostgreSQL otherwise. With the embedded
     * one, {@code backupDir} turns on a daily backup there, of which the newest {@code backupsKept} stay.
     */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue(".wellbase/pgdata") String embeddedDataDir,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("20") @Min(1) int maxPoolSize,
            @DefaultValue("2") @Min(0) int minIdle,
            @Nullable String backupDir,
            @DefaultValue("7") @Min(1) int backupsKept) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** Requests per period for each endpoint class; the defaults are those of API.md. */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") @Min(1) long anonymousPerMinute,
            @DefaultValue("1000") @Min(1) long authenticatedPerMinute,
            @DefaultValue("10") @Min(1) long uploadsPerMinute,
            @DefaultValue("5") @Min(1) long failedLoginsPerAccount,
            @DefaultValue("15m") @NotNull Duration failedLoginWindow,
            @DefaultValue("600") @Min(1) long apiKeyPerMinute) {}

    /** HTTP concerns: body size, CORS. */
    public record Http(
            @DefaultValue("1048576") @Min(1024) long maxJsonBodyBytes,
            @DefaultValue List<String> corsAllowedOrigins) {}

    /**
     * Outgoing mail: the sender address. {@code logBodies} writes whole bodies (with their reset and
     * invitation tokens) to the log when no SMTP server is set: for development only;
     * {@code ./mvnw spring-boot:run} turns it on. Queueing, retries and retention are the notifications
     * module's ({@code wellbase.notifications.*}).
     */
    public record Mail(
            @DefaultValue("Wellbase <no-reply@wellbase.local>")
            String from,

            @DefaultValue("false") boolean logBodies) {}

    /** Demo data: on by default with the embedded database, off with an external one. */
    public record Demo(@Nullable Boolean enabled) {

        public boolean enabledFor(Db db) {
            return enabled == null ? db.embedded() : enabled;
        }
    }

    /**
     * Retries of event listeners that failed: how old a publication must be, how often to look; how long
     * a completed publication is kept.
     */
    public record Events(
            @DefaultValue("1m") @NotNull Duration retryAfter,
            @DefaultValue("30s") @NotNull Duration retryInterval,
            @DefaultValue("7d") @NotNull Duration completedRetention) {}

    /** Credentials a Prometheus scraper sends (HTTP Basic); without a password nobody reads the metrics. */
    public record Metrics(
            @DefaultValue("prometheus") String username,
            @Nullable String password) {

        public boolean configured() {
            return password != null && !password.isBlank();
        }
    }

    /** Redis, used for shared rate limits when {@code url} is set. */
    public record Redis(
            @Nullable String url, @DefaultValue("wellbase") String keyPrefix) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
