package io.wellbase.notifications.internal;

import io.wellbase.clients.ClientDirectory;
import io.wellbase.clients.ClientDirectory.Recipient;
import io.wellbase.identity.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells clients things on the channels each message's type goes to: in the app when the client has a
 * portal account, by email when the record has an address; each channel only when the organization and
 * the person left its category on (critical ones always). Quiet hours delay email, SMS and push to the
 * window's end. Every row carries the message's dedupe key, so telling the same thing twice adds nothing.
 * A batch costs a handful of statements per organization, not per message.
 */
@Service
class Notifier {

    private final ClientDirectory clients;
    private final OrganizationNotificationSettings organizationSettings;
    private final Preferences preferences;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final OptOuts optOuts;
    private final Templates templates;
    private final TemplateOverrides overrides;
    private final UserAccounts users;
    private final PushSubscriptions push;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans;

    Notifier(
            ClientDirectory clients,
            OrganizationNotificationSettings organizationSettings,
            Preferences preferences,
            Inbox inbox,
            Deliveries deliveries,
            OptOuts optOuts,
            Templates templates,
            TemplateOverrides overrides,
            UserAccounts users,
            PushSubscriptions push,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<io.wellbase.platform.plans.PlanGate> plans) {
        this.plans = plans;
        this.users = users;
        this.push = push;
        this.optOuts = optOuts;
        this.templates = templates;
        this.overrides = overrides;
        this.clients = clients;
        this.organizationSettings = organizationSettings;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What came of messages: how many in-app rows and channel deliveries were written (0 when deduplicated or off). */
    record Outcome(int inApp, int queued) {

        Outcome plus(Outcome other) {
            return new Outcome(inApp + other.inApp, queued + other.queued);
        }
    }

    @Transactional
    Outcome tell(Message message) {
        return tellAll(List.of(message));
    }

    @Transactional
    Outcome tellAll(List<Message> messages) {
        Map<UUID, List<Message>> byOrganization = new LinkedHashMap<>();
        messages.forEach(m -> byOrganization
                .computeIfAbsent(m.organizationId(), o -> new ArrayList<>())
                .add(m));
        Outcome outcome = new Outcome(0, 0);
        for (var entry : byOrganization.entrySet()) {
            outcome = outcome.plus(tellOrganization(entry.getKey(), entry.getValue()));
        }
        return outcome;
    }

    /** Whether any message of the batch goes to push (a batch without push costs no query for it). */
    private static boolean anyPush(List<Message> messages) {
        return messages.stream().anyMatch(m -> m.type().defaultChannels().contains(Channel.PUSH));
    }

    /** The person's own language when they chose one Wellbase writes, else the organization's. */
    private static String languageOf(
            @org.jspecify.annotations.Nullable Recipient client, Map<UUID, String> languages, String organization) {
        String chosen = client == null || client.userId() == null ? null : languages.get(client.userId());
        String base = Templates.baseLanguage(chosen);
        return base != null ? base : organization;
    }

    private Outcome tellOrganization(UUID orgId, List<Message> messages) {
        OrganizationNotificationSettings.Settings settings = organizationSettings.of(orgId);
        Map<String, Map<String, Templates.Text>> ownTexts = new java.util.HashMap<>();
        List<UUID> clientIds = messages.stream().map(Message::clientId).toList();
        Map<UUID, Recipient> recipients = clients.recipients(orgId, clientIds);
        List<UUID> users = recipients.values().stream()
                .map(Recipient::userId)
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<UUID, Preferences.Choice> choices = preferences.ofAll(orgId, users);
        Map<UUID, String> languages = this.users.languages(users);
        java.util.Set<UUID> pushable = anyPush(messages) ? push.subscribed(orgId, users) : java.util.Set.of();
        Map<UUID, java.util.Set<String>> unsubscribed = optOuts.of(orgId, clientIds);
        Instant now = clock.instant();
        List<Inbox.Addressed> inApp = new ArrayList<>();
        List<Deliveries.Queued> queued = new ArrayList<>();
        long smsRoom = smsRoom(orgId, messages);
        for (Message unwritten : messages) {
            Recipient client = recipients.get(unwritten.clientId());
            String language = languageOf(client, languages, settings.language());
            Templates.Text own = ownTexts.computeIfAbsent(language, l -> overrides.of(orgId, l))
                    .get(unwritten.type().value());
            Templates.Text text = templates.render(unwritten, language, own);
            Message message = unwritten.withText(text.title(), text.body());
            Category category = message.type().category();
            if (client == null || !settings.allows(category)) {
                continue;
            }
            UUID userId = client.userId();
            Preferences.Choice choice = userId == null
                    ? Preferences.Choice.DEFAULTS
                    : choices.getOrDefault(userId, Preferences.Choice.DEFAULTS);
            Instant notBefore = choice.quietHours() == null || category.critical()
                    ? now
                    : choice.quietHours().deferred(now);
            for (Channel channel : message.type().defaultChannels()) {
                if (!settings.allows(category, channel) || !choice.allows(category, channel)) {
                    continue;
                }
                switch (channel) {
                    case IN_APP -> {
                        if (userId != null) {
                            inApp.add(new Inbox.Addressed(userId, message));
                        }
                    }
                    case EMAIL -> {
                        boolean optedOut = !category.critical()
                                && unsubscribed
                                        .getOrDefault(message.clientId(), java.util.Set.of())
                                        .contains(category.value());
                        if (client.email() != null && !optedOut) {
                            queued.add(new Deliveries.Queued(message, channel, client.email(), userId, notBefore));
                        }
                    }
                    case SMS -> {
                        // the tier's SMS allowance: critical messages always go, the rest while the month's room lasts
                        if (client.phone() != null
                                && !client.phone().isBlank()
                                && (category.critical() || smsRoom > 0)) {
                            queued.add(new Deliveries.Queued(message, channel, client.phone(), userId, notBefore));
                            smsRoom--;
                        }
                    }
                    case PUSH -> {
                        if (userId != null && pushable.contains(userId)) {
                            queued.add(new Deliveries.Queued(message, channel, userId.toString(), userId, notBefore));
                        }
                    }
                }
            }
        }
        return new Outcome(inbox.addAll(orgId, inApp), deliveries.queueAll(orgId, queued));
    }

    /** How many SMS the organization's tier still allows this month (asked only when a message may go by SMS). */
    private long smsRoom(UUID orgId, List<Message> messages) {
        if (messages.stream().noneMatch(m -> m.type().defaultChannels().contains(Channel.SMS))) {
            return 0;
        }
        var gate = plans.getIfAvailable(() -> io.wellbase.platform.plans.PlanGate.UNLOCKED);
        return gate.allows(orgId, io.wellbase.platform.plans.Feature.SMS)
                ? gate.room(orgId, io.wellbase.platform.plans.Limit.SMS_PER_MONTH)
                : 0;
    }
}
