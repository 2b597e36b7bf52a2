package io.wellbase.organizations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organizations module ({@code wellbase.organizations.*}).
 *
 * @param invitationTtl how long an invitation link stays valid
 * @param demoOwnerPassword the demo owner's password, printed at start-up when demo data is on
 * @param deletionGrace how long a scheduled deletion of an organization can be undone before everything of it is
 *     removed
 */
@ConfigurationProperties("wellbase.organizations")
public record OrganizationsProperties(
        @DefaultValue("7d") Duration invitationTtl,
        @DefaultValue("owner@demo.wellbase.dev") String demoOwnerEmail,
        @DefaultValue("Demo-Studio-2026!") String demoOwnerPassword,
        @DefaultValue("30d") Duration deletionGrace) {}
