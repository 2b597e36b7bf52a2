package io.wellbase.memberships;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the memberships module ({@code wellbase.memberships.*}).
 *
 * @param remindDaysBeforeEnd how many days before its end a non-renewing membership publishes MembershipExpiring
 * @param jobInterval         how often the expiry and renewal job runs
 * @param creditsLowAt        a class pack with this many credits left or fewer publishes MembershipCreditsLow
 *                            (checked by the same job)
 */
@ConfigurationProperties("wellbase.memberships")
public record MembershipsProperties(
        @DefaultValue("7") int remindDaysBeforeEnd,
        @DefaultValue("1h") Duration jobInterval,
        @DefaultValue("1") int creditsLowAt) {}
