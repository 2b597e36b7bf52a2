package io.wellbase.notifications.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.MailTransport;
import io.wellbase.platform.web.PublicUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The email channel: every email of Wellbase, account mail included, leaves through here, from the one
 * outbox. Each message goes as plain text with an HTML alternative in the organization's look, under a
 * Message-ID made of the delivery's id, so that a mail sent again after a crash between the server's
 * acceptance and the commit carries the same id as the first (SMTP has no idempotency key; mail clients and
 * providers that deduplicate do it by this header). Every message but a critical one carries its category's
 * unsubscribe link, in the text and as the RFC 8058 one-click headers.
 */
@Component
class EmailSender implements ChannelSender {

    private static final String WELLBASE = "Wellbase";

    private final MailTransport transport;
    private final OptOuts optOuts;
    private final PublicUrl publicUrl;
    private final OrganizationNotificationSettings settings;
    private final OrganizationProfiles organizations;
    /** Unsubscribe tokens by organization and client: made once, never changed while the record lives. */
    private final Cache<List<UUID>, String> tokens = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    private final Cache<UUID, String> names = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(60))
            .maximumSize(10_000)
            .build();

    EmailSender(
            MailTransport transport,
            OptOuts optOuts,
            PublicUrl publicUrl,
            OrganizationNotificationSettings settings,
            OrganizationProfiles organizations) {
        this.transport = transport;
        this.optOuts = optOuts;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.organizations = organizations;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The batch's unsubscribe tokens in two statements per organization, instead of a query per email. */
    @Override
    public void prepare(List<Deliveries.Due> batch) {
        Map<UUID, List<UUID>> clientsByOrganization = new java.util.HashMap<>();
        for (Deliveries.Due due : batch) {
            if (due.orgId() != null
                    && due.clientId() != null
                    && !due.category().critical()
                    && tokens.getIfPresent(List.of(due.orgId(), due.clientId())) == null) {
                clientsByOrganization
                        .computeIfAbsent(due.orgId(), o -> new java.util.ArrayList<>())
                        .add(due.clientId());
            }
        }
        clientsByOrganization.forEach((orgId, clients) -> optOuts.tokensFor(orgId, clients)
                .forEach((client, token) -> tokens.put(List.of(orgId, client), token)));
    }

    @Override
    public boolean delivers() {
        return transport.delivers();
    }

    @Override
    public @Nullable String send(Deliveries.Due message) throws Exception {
        UUID orgId = message.orgId();
        String link = orgId == null
                        || message.clientId() == null
                        || message.category().critical()
                ? null
                : unsubscribeLink(orgId, message.clientId(), message.category());
        String text = link == null
                ? message.body()
                : message.body() + "\n\n--\nNo more " + message.category().value() + " emails: " + link + "\n";
        Map<String, String> headers = link == null
                ? Map.of()
                : Map.of("List-Unsubscribe", "<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        transport.send(new EmailMessage(
                message.recipient(),
                message.subject(),
                text,
                EmailLayout.html(brandOf(orgId), message.subject(), message.body(), link),
                message.type(),
                messageId(message.id()),
                headers));
        return null;
    }

    private String unsubscribeLink(UUID orgId, UUID clientId, Category category) {
        return publicUrl.base() + UnsubscribeController.PATH + "?token="
                + URLEncoder.encode(
                        tokens.get(List.of(orgId, clientId), k -> optOuts.tokenFor(orgId, clientId)),
                        StandardCharsets.UTF_8)
                + "&category=" + category.value();
    }

    private EmailLayout.Brand brandOf(@Nullable UUID orgId) {
        if (orgId == null) {
            return new EmailLayout.Brand(WELLBASE, null, null);
        }
        OrganizationNotificationSettings.Settings own = settings.of(orgId);
        String name = names.get(
                orgId,
                id -> organizations
                        .find(id)
                        .map(OrganizationProfiles.Profile::name)
                        .orElse(WELLBASE));
        return new EmailLayout.Brand(name, own.logoUrl(), own.brandColor());
    }

    /** The delivery's own Message-ID: the same on every attempt. */
    String messageId(UUID deliveryId) {
        String host;
        try {
            host = URI.create(publicUrl.base()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return "<" + deliveryId + "@" + (host == null || host.isBlank() ? "wellbase.local" : host) + ">";
    }
}
