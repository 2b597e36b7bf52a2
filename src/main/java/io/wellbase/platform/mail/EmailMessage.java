package io.wellbase.platform.mail;

/**
 * One plain-text email. {@code kind} names it for the log and the outbox (password_reset, …);
 * bodies that carry secrets are never logged, only their kind.
 */
public record EmailMessage(String to, String subject, String body, String kind) {}
