package io.wellbase.platform.mail;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One email as the transport sends it: a plain-text body, and an HTML alternative when {@code html} is
 * set. {@code kind} names it for the log (password_reset, booking.confirmed, …); bodies that carry secrets
 * are never logged, only their kind. {@code messageId} is the RFC 5322 Message-ID to send it with (stable
 * across retries, so that a mail sent twice after a crash can be recognised as one); {@code headers} are
 * extra MIME headers (for instance {@code List-Unsubscribe}).
 */
public record EmailMessage(
        String to,
        String subject,
        String body,
        @Nullable String html,
        String kind,
        @Nullable String messageId,
        Map<String, String> headers) {

    public EmailMessage {
        headers = Map.copyOf(headers);
    }

    public EmailMessage(String to, String subject, String body, String kind, Map<String, String> headers) {
        this(to, subject, body, null, kind, null, headers);
    }

    public EmailMessage(String to, String subject, String body, String kind) {
        this(to, subject, body, null, kind, null, Map.of());
    }
}
