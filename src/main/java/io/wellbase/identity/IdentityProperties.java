package io.wellbase.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity module ({@code wellbase.identity.*}). {@code sessionCheckInterval} is how
 * long a node may trust what it last read of a session (signed out? which role?): the longest time a
 * change made on another node takes to reach this one. {@code clockSkew} is the leeway on token times.
 */
@Validated
@ConfigurationProperties("wellbase.identity")
public record IdentityProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("1h") Duration passwordResetTtl,
        @DefaultValue("48h") Duration emailVerificationTtl,
        @DefaultValue("30d") Duration signingKeyRotation,
        @DefaultValue("wellbase") String issuer,
        @Valid @DefaultValue Argon2 argon2,
        @DefaultValue("16384") @Min(1024) int maxPreferencesBytes,
        @DefaultValue("3s") Duration sessionCheckInterval,
        @DefaultValue("5s") Duration clockSkew,
        @Nullable String keyEncryptionKey,
        @Valid @DefaultValue SignInProviders oauth) {

    /**
     * Argon2id cost. The default (19 MiB, 2 passes, 1 lane) is OWASP's minimum recommendation;
     * raise it where logins are rare and the machine is fast.
     */
    public record Argon2(
            @DefaultValue("19456") @Min(1024) int memoryKib,
            @DefaultValue("2") @Min(1) int iterations,
            @DefaultValue("1") @Min(1) int parallelism) {}

    /**
     * Sign-in with Google and GitHub ({@code docs/sign-in.md}). A provider is on when its client id and secret are set;
     * the URIs default to the provider's own and are set only to reach a stand-in. {@code redirectUris}: the front-end
     * addresses the end of a sign-in may return to (prefixes; nothing else is redirected to).
     */
    public record SignInProviders(
            @DefaultValue List<String> redirectUris,
            @DefaultValue("10m") Duration requestTtl,
            @DefaultValue("2m") Duration codeTtl,
            @DefaultValue("1h") Duration linkConfirmationTtl,
            @DefaultValue Provider google,
            @DefaultValue Provider github) {}

    /** One provider's client and, for a stand-in, its endpoints. */
    public record Provider(
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String authorizationUri,
            @Nullable String tokenUri,
            @Nullable String jwkSetUri,
            @Nullable String userInfoUri,
            @Nullable String emailsUri,
            @Nullable String issuer) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }
}
