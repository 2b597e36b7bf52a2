package io.wellbase.platform.mail;

import java.util.Map;

/**
 * One plain-text email. {@code kind} names it for the log and the outbox (password_reset, …);
 * bodies that carry secrets are never logged, only their kind. {@code headers} are extra MIME headers
 * (for instance {@code List-Unsubscribe}).
 */
public record EmailMessage(String to, String subject, String body, String kind, Map<String, String> headers) {

    public EmailMessage {
        headers = Map.copyOf(headers);
    }

    public EmailMessage(String to, String subject, String body, String kind) {
        this(to, subject, body, kind, Map.of());
    }
}
