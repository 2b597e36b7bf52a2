package io.wellbase.notifications.internal;

import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.mail.AccountEmail;
import io.wellbase.platform.mail.OutboundMail;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The account emails of the other modules (email verification, password reset, invitations) as
 * notifications: rendered from this module's templates in the person's language (else the organization's,
 * else English), with the organization's own wording where it has one, and queued in the one outbox in the
 * caller's transaction. They are critical: no preference, quiet hour or unsubscribe holds them back.
 */
@Component
class AccountMails implements OutboundMail {

    private final Templates templates;
    private final TemplateOverrides overrides;
    private final OrganizationNotificationSettings settings;
    private final OrganizationProfiles organizations;
    private final Deliveries deliveries;
    private final Clock clock;

    AccountMails(
            Templates templates,
            TemplateOverrides overrides,
            OrganizationNotificationSettings settings,
            OrganizationProfiles organizations,
            Deliveries deliveries,
            Clock clock) {
        this.templates = templates;
        this.overrides = overrides;
        this.settings = settings;
        this.organizations = organizations;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void enqueue(AccountEmail email) {
        NotificationType type = NotificationType.of(email.kind());
        UUID orgId = email.organizationId();
        String language = languageOf(email.language(), orgId);
        Map<String, Object> values = new HashMap<>(email.values());
        if (orgId != null) {
            organizations.find(orgId).ifPresent(o -> values.putIfAbsent("organization", o.name()));
        }
        Templates.Text own =
                orgId == null ? null : overrides.of(orgId, language).get(type.value());
        Templates.Text text = templates.render(type, values, language, own);
        // each request is its own mail (a second reset link is a new token): the key only has to be unique
        deliveries.queueOne(new Deliveries.Single(
                orgId,
                type,
                email.to(),
                email.userId(),
                text.title(),
                text.body(),
                type.value() + ":mail:" + Ids.newId() + ":email",
                clock.instant()));
    }

    private String languageOf(@Nullable String chosen, @Nullable UUID orgId) {
        String base = Templates.baseLanguage(chosen);
        if (base != null) {
            return base;
        }
        return orgId == null ? "en" : settings.of(orgId).language();
    }
}
