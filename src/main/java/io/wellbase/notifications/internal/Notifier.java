package io.wellbase.notifications.internal;

import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a client something on the channels its type goes to: in the app when the client has a portal
 * account, by email when the record has an address; each channel only when the organization and the
 * person left its category on (critical ones always). Quiet hours delay email, SMS and push to the
 * window's end. Every row carries the message's dedupe key, so telling the same thing twice adds nothing.
 */
@Service
class Notifier {

    private final ClientDirectory clients;
    private final ClientAccounts accounts;
    private final OrganizationNotificationSettings organizationSettings;
    private final Preferences preferences;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Clock clock;

    Notifier(
            ClientDirectory clients,
            ClientAccounts accounts,
            OrganizationNotificationSettings organizationSettings,
            Preferences preferences,
            Inbox inbox,
            Deliveries deliveries,
            Clock clock) {
        this.clients = clients;
        this.accounts = accounts;
        this.organizationSettings = organizationSettings;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What came of a message: how many rows each kind of channel got (0 when deduplicated or off). */
    record Outcome(int inApp, int queued) {}

    @Transactional
    Outcome tell(Message message) {
        UUID orgId = message.organizationId();
        Category category = message.type().category();
        Optional<ClientDirectory.ClientSummary> client = clients.find(orgId, message.clientId());
        if (client.isEmpty() || !organizationSettings.of(orgId).allows(category)) {
            return new Outcome(0, 0);
        }
        UUID userId = accounts.userOf(orgId, message.clientId()).orElse(null);
        Preferences.Choice choice = preferences.of(orgId, userId);
        Instant now = clock.instant();
        Instant notBefore = choice.quietHours() == null || category.critical()
                ? now
                : choice.quietHours().deferred(now);
        int inApp = 0;
        int queued = 0;
        for (Channel channel : message.type().defaultChannels()) {
            if (!choice.allows(category, channel)) {
                continue;
            }
            switch (channel) {
                case IN_APP -> {
                    if (userId != null && inbox.add(orgId, userId, message)) {
                        inApp++;
                    }
                }
                case EMAIL -> {
                    String email = client.get().email();
                    if (email != null && deliveries.queue(message, channel, email, userId, notBefore)) {
                        queued++;
                    }
                }
                // no phone numbers or push subscriptions reach this module yet: nothing to queue
                case SMS, PUSH -> {}
            }
        }
        return new Outcome(inApp, queued);
    }
}
