package io.wellbase.notifications.internal;

import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a person by their account (staff, or a client with a portal account) something about their own work (an
 * import that finished), an emergency, or a conversation they were away from: in the app,
 * and by email to their verified account address, each when the organization and the person left the
 * category on (critical ones always); quiet hours delay the email but for a critical category. Written in the person's language, else the organization's. Dedupe keys as for
 * clients, so telling the same thing twice adds nothing.
 */
@Service
class StaffNotifier
        implements io.wellbase.notifications.StaffAlerts,
                io.wellbase.notifications.ConversationAlerts,
                io.wellbase.notifications.CareNotices {

    private final OrganizationNotificationSettings organizationSettings;
    private final Preferences preferences;
    private final Templates templates;
    private final TemplateOverrides overrides;
    private final UserAccounts users;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final PushSubscriptions push;
    private final Clock clock;

    StaffNotifier(
            OrganizationNotificationSettings organizationSettings,
            Preferences preferences,
            Templates templates,
            TemplateOverrides overrides,
            UserAccounts users,
            Inbox inbox,
            Deliveries deliveries,
            PushSubscriptions push,
            Clock clock) {
        this.push = push;
        this.organizationSettings = organizationSettings;
        this.preferences = preferences;
        this.templates = templates;
        this.overrides = overrides;
        this.users = users;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What a message to a staff member is about; {@code occurrence} as in {@link Message}. */
    record About(
            NotificationType type, String entityType, UUID entityId, String occurrence, Map<String, Object> values) {}

    @Override
    @Transactional
    public void emergencyWaiting(
            UUID orgId,
            java.util.Collection<UUID> staffIds,
            java.util.Collection<io.wellbase.notifications.StaffAlerts.Contact> contacts,
            UUID sessionId,
            String topic) {
        tellContacts(orgId, contacts, NotificationType.CHAT_EMERGENCY, sessionId, Map.of("topic", topic));
        for (UUID userId : new java.util.LinkedHashSet<>(staffIds)) {
            tell(
                    orgId,
                    userId,
                    new About(
                            NotificationType.CHAT_EMERGENCY,
                            "chat_session",
                            sessionId,
                            "waiting:" + userId,
                            Map.of("topic", topic)));
        }
    }

    @Override
    @Transactional
    public void sessionOffered(UUID orgId, UUID counselorId, UUID sessionId, String topic) {
        tell(
                orgId,
                counselorId,
                new About(
                        NotificationType.CHAT_OFFERED,
                        "chat_session",
                        sessionId,
                        "offered:" + counselorId,
                        Map.of("topic", topic)));
    }

    @Override
    @Transactional
    public void achievementEarned(UUID orgId, UUID userId, UUID clientId, String code, String name, int points) {
        tell(
                orgId,
                userId,
                new About(
                        NotificationType.ACHIEVEMENT_EARNED,
                        "client",
                        clientId,
                        "achievement:" + code,
                        Map.of("name", name, "points", points)));
    }

    @Override
    @Transactional
    public void consultationFollowUp(
            UUID orgId, UUID userId, UUID consultationId, String type, java.time.LocalDate due) {
        tell(
                orgId,
                userId,
                new About(
                        NotificationType.CONSULTATION_FOLLOW_UP,
                        "consultation",
                        consultationId,
                        "follow-up:" + due,
                        Map.of("type", type, "day", due.toString())));
    }

    @Override
    @Transactional
    public void crisisHelp(UUID orgId, UUID clientUserId, UUID sessionId, String crisisLine) {
        tell(
                orgId,
                clientUserId,
                new About(NotificationType.CRISIS_HELP, "chat_session", sessionId, "help", Map.of("line", crisisLine)));
    }

    @Override
    @Transactional
    public void newMessage(
            UUID orgId,
            UUID conversationId,
            java.util.Collection<io.wellbase.notifications.ConversationAlerts.Recipient> recipients,
            String preview) {
        String shown = preview.length() <= 140 ? preview : preview.substring(0, 139) + "…";
        for (var r : recipients) {
            // one per unread streak: the key moves on once they have read up
            tell(
                    orgId,
                    r.userId(),
                    new About(
                            NotificationType.MESSAGE_NEW,
                            "conversation",
                            conversationId,
                            r.userId() + ":after:" + r.readSeq(),
                            Map.of("preview", shown)));
        }
    }

    /**
     * Contacts outside the accounts: by email and by SMS to what each gave, at once (no preferences, no quiet
     * hours: the organization listed them for this), in the organization's language and wording.
     */
    private void tellContacts(
            UUID orgId,
            java.util.Collection<io.wellbase.notifications.StaffAlerts.Contact> contacts,
            NotificationType type,
            UUID sessionId,
            Map<String, Object> values) {
        if (contacts.isEmpty()) {
            return;
        }
        String language = organizationSettings.of(orgId).language();
        Templates.Text text = templates.render(
                type, values, language, overrides.of(orgId, language).get(type.value()));
        Instant now = clock.instant();
        List<Deliveries.Queued> rows = new java.util.ArrayList<>();
        for (var contact : contacts) {
            if (contact.email() != null) {
                rows.add(new Deliveries.Queued(
                        contactMessage(orgId, type, sessionId, "contact:" + contact.email(), values, text),
                        Channel.EMAIL,
                        contact.email(),
                        null,
                        now));
            }
            if (contact.phone() != null) {
                rows.add(new Deliveries.Queued(
                        contactMessage(orgId, type, sessionId, "contact:" + contact.phone(), values, text),
                        Channel.SMS,
                        contact.phone(),
                        null,
                        now));
            }
        }
        deliveries.queueAll(orgId, rows);
    }

    private static Message contactMessage(
            UUID orgId,
            NotificationType type,
            UUID sessionId,
            String occurrence,
            Map<String, Object> values,
            Templates.Text text) {
        return new Message(orgId, type, null, "chat_session", sessionId, occurrence, values, text.title(), text.body());
    }

    /** Whether the type goes to the channel and neither the organization nor the person switched it off. */
    private static boolean goesTo(
            NotificationType type,
            Channel channel,
            OrganizationNotificationSettings.Settings settings,
            Preferences.Choice choice) {
        return type.defaultChannels().contains(channel)
                && settings.allows(type.category(), channel)
                && choice.allows(type.category(), channel);
    }

    @Transactional
    Notifier.Outcome tell(UUID orgId, UUID userId, About about) {
        OrganizationNotificationSettings.Settings settings = organizationSettings.of(orgId);
        Category category = about.type().category();
        UserSummary user = users.summaries(List.of(userId)).get(userId);
        if (user == null || !settings.allows(category)) {
            return new Notifier.Outcome(0, 0);
        }
        String chosen = Templates.baseLanguage(users.languages(List.of(userId)).get(userId));
        String language = chosen != null ? chosen : settings.language();
        Templates.Text text = templates.render(
                about.type(),
                about.values(),
                language,
                overrides.of(orgId, language).get(about.type().value()));
        Message message = new Message(
                orgId,
                about.type(),
                null,
                about.entityType(),
                about.entityId(),
                about.occurrence(),
                about.values(),
                text.title(),
                text.body());
        Preferences.Choice choice =
                preferences.ofAll(orgId, List.of(userId)).getOrDefault(userId, Preferences.Choice.DEFAULTS);
        Instant now = clock.instant();
        // quiet hours delay email and push, but for a critical category
        Instant notBefore = choice.quietHours() == null || category.critical()
                ? now
                : choice.quietHours().deferred(now);
        int inApp = goesTo(about.type(), Channel.IN_APP, settings, choice)
                ? inbox.addAll(orgId, List.of(new Inbox.Addressed(userId, message)))
                : 0;
        List<Deliveries.Queued> rows = new java.util.ArrayList<>();
        if (goesTo(about.type(), Channel.EMAIL, settings, choice) && user.email() != null && user.emailVerified()) {
            rows.add(new Deliveries.Queued(message, Channel.EMAIL, user.email(), userId, notBefore));
        }
        if (goesTo(about.type(), Channel.PUSH, settings, choice)
                && push.subscribed(orgId, List.of(userId)).contains(userId)) {
            rows.add(new Deliveries.Queued(message, Channel.PUSH, userId.toString(), userId, notBefore));
        }
        int queued = deliveries.queueAll(orgId, rows);
        return new Notifier.Outcome(inApp, queued);
    }
}
