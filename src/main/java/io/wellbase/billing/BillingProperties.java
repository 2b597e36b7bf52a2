package io.wellbase.billing;

import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.Limit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the billing module ({@code wellbase.billing.*}).
 *
 * @param stripe      how the organizations' Stripe accounts are reached
 * @param tiers       the platform tiers of a hosted Wellbase; off (everything unlocked) unless {@code enforced}
 * @param jobInterval how often due renewal charges and dunning retries are worked through
 */
@ConfigurationProperties("wellbase.billing")
public record BillingProperties(
        @DefaultValue Stripe stripe,
        @DefaultValue Tiers tiers,
        @DefaultValue("15m") Duration jobInterval) {

    /**
     * @param apiBase           Stripe's API (a local stand-in in tests)
     * @param webhookTolerance  how old a webhook's signed timestamp may be (Stripe's documented 300 s)
     * @param maxNetworkRetries retries of a failed connection or a 5xx, each with the same idempotency key
     * @param connectTimeout    connecting to Stripe
     * @param readTimeout       waiting for Stripe's answer
     */
    public record Stripe(
            @DefaultValue("https://api.stripe.com") URI apiBase,
            @DefaultValue("300s") Duration webhookTolerance,
            @DefaultValue("2") int maxNetworkRetries,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout) {}

    /**
     * @param enforced    whether tiers apply; a self-hosted install leaves it off and has every feature
     * @param defaultTier the tier of an organization that was given none
     * @param catalog     the tiers by name; empty means the built-in free, studio and business tiers
     */
    public record Tiers(
            @DefaultValue("false") boolean enforced,
            @DefaultValue("studio") String defaultTier,
            @DefaultValue Map<String, Tier> catalog) {}

    /**
     * @param features what the tier includes
     * @param limits   its allowances; a limit left out is unlimited
     */
    public record Tier(
            @DefaultValue Set<Feature> features,
            @DefaultValue Map<Limit, Long> limits) {}
}
