package io.wellbase.notifications.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Web Push to every subscription of the message's user: the notification as JSON, encrypted for the
 * subscription (RFC 8291), with a VAPID signature (RFC 8292), TTL a day. A push service answering 404 or 410
 * has dropped the subscription: it is deleted. When no device took it, the failure throws and the
 * dispatcher retries.
 */
final class WebPushSender implements ChannelSender {

    private final PushSubscriptions subscriptions;
    private final ObjectMapper json;
    private final String subject;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebPushSender(PushSubscriptions subscriptions, ObjectMapper json, String subject, Clock clock) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.subject = subject;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public @Nullable String send(Deliveries.Due message) throws Exception {
        if (message.userId() == null) {
            return null;
        }
        PushSubscriptions.Vapid vapid = subscriptions.vapid();
        byte[] payload = json.writeValueAsString(java.util.Map.of(
                        "title",
                        message.subject(),
                        "body",
                        message.body(),
                        "category",
                        message.category().value()))
                .getBytes(StandardCharsets.UTF_8);
        List<PushSubscriptions.Target> targets = subscriptions.targets(message.orgId(), message.userId());
        Exception failure = null;
        boolean delivered = false;
        for (PushSubscriptions.Target target : targets) {
            byte[] body = WebPushCrypto.encrypt(
                    payload,
                    Base64.getUrlDecoder().decode(target.p256dh()),
                    Base64.getUrlDecoder().decode(target.auth()));
            URI endpoint = URI.create(target.endpoint());
            String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
            long expires = clock.instant().plus(Duration.ofHours(12)).getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", "86400")
                    .header("Urgency", "normal")
                    .header(
                            "Authorization",
                            WebPushCrypto.vapid(audience, subject, expires, vapid.privateKey(), vapid.publicKey()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int code =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code == 404 || code == 410) {
                subscriptions.gone(target.id());
            } else if (code < 200 || code >= 300) {
                failure = new IllegalStateException("the push service answered " + code);
            } else {
                delivered = true;
            }
        }
        // retried only when no device got it: a retry would push again to the devices that did
        if (failure != null && !delivered) {
            throw failure;
        }
        return null;
    }
}
