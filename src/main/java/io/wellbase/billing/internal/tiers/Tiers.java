package io.wellbase.billing.internal.tiers;

import io.wellbase.billing.BillingProperties;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.PlanGate;
import io.wellbase.platform.plans.UsageMeter;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform tiers of a hosted Wellbase, as configuration: each tier's features and limits, an organization's
 * tier (its row in {@code organization_tiers}, else the default), and its usage counted by the modules' meters.
 * With tiers not enforced (a self-hosted install) every feature is on and no limit applies, except for an
 * organization the operator gave a tier explicitly (a row in {@code organization_tiers}).
 */
@Component
class Tiers implements PlanGate {

    /** The built-in tiers, used when the configuration names none. */
    static final Map<String, BillingProperties.Tier> BUILT_IN = Map.of(
            "free",
            new BillingProperties.Tier(
                    EnumSet.noneOf(Feature.class),
                    Map.of(
                            Limit.STAFF_SEATS,
                            2L,
                            Limit.ACTIVE_CLIENTS,
                            50L,
                            Limit.LOCATIONS,
                            1L,
                            Limit.SMS_PER_MONTH,
                            0L,
                            Limit.AI_QUESTIONS_PER_MONTH,
                            0L)),
            "studio",
            new BillingProperties.Tier(
                    EnumSet.of(
                            Feature.ONLINE_PAYMENTS,
                            Feature.SMS,
                            Feature.DATA_IMPORT,
                            Feature.CARE,
                            Feature.AI_QUESTIONS),
                    Map.of(
                            Limit.STAFF_SEATS,
                            15L,
                            Limit.ACTIVE_CLIENTS,
                            1000L,
                            Limit.LOCATIONS,
                            3L,
                            Limit.SMS_PER_MONTH,
                            500L,
                            Limit.AI_QUESTIONS_PER_MONTH,
                            100L)),
            "business",
            new BillingProperties.Tier(EnumSet.allOf(Feature.class), Map.of()));

    private final BillingProperties.Tiers settings;
    private final Map<Limit, UsageMeter> meters;
    private final JdbcClient jdbc;
    private final Clock clock;

    Tiers(BillingProperties properties, List<UsageMeter> meters, JdbcClient jdbc, Clock clock) {
        this.settings = properties.tiers();
        this.meters = meters.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(UsageMeter::limit, m -> m));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The organization's tier as it applies now, read once: its name, whether tiers apply to it (enforced for
     * every organization, or an operator gave it a tier), and the tier itself (empty for a name the catalogue
     * lacks, which allows nothing).
     */
    record Applied(String name, boolean enforced, Optional<BillingProperties.Tier> tier) {

        boolean allows(Feature feature) {
            return !enforced || tier.map(t -> t.features().contains(feature)).orElse(false);
        }

        /** Allowed by the tier; {@code null} when unlimited (or tiers do not apply). */
        @Nullable
        Long allowed(Limit limit) {
            return !enforced ? null : tier.map(t -> t.limits().get(limit)).orElse(0L);
        }
    }

    Applied applied(UUID org) {
        Optional<String> assigned = jdbc.sql("SELECT tier FROM organization_tiers WHERE org_id = :org")
                .param("org", org)
                .query(String.class)
                .optional();
        var catalog = settings.catalog().isEmpty() ? BUILT_IN : settings.catalog();
        String name = assigned.filter(catalog::containsKey).orElse(settings.defaultTier());
        return new Applied(name, settings.enforced() || assigned.isPresent(), Optional.ofNullable(catalog.get(name)));
    }

    long usage(UUID org, Limit limit) {
        UsageMeter meter = meters.get(limit);
        if (meter == null) {
            return 0;
        }
        Instant monthStart = YearMonth.now(clock.withZone(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return meter.count(org, monthStart);
    }

    boolean metered(Limit limit) {
        return meters.containsKey(limit);
    }

    @Override
    public boolean allows(UUID organizationId, Feature feature) {
        return applied(organizationId).allows(feature);
    }

    @Override
    public boolean fits(UUID organizationId, Limit limit, long adding) {
        return room(organizationId, limit) >= adding;
    }

    @Override
    public long room(UUID organizationId, Limit limit) {
        Long allowed = applied(organizationId).allowed(limit);
        return allowed == null ? Long.MAX_VALUE : Math.max(0, allowed - usage(organizationId, limit));
    }
}
