package io.wellbase.platform.mail;

/**
 * Queues an email. It is stored in the outbox in the caller's transaction and sent by a background
 * job, so a mail server outage delays mail and never loses it.
 */
public interface OutboundMail {

    void enqueue(EmailMessage message);
}
