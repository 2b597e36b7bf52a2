package io.wellbase.platform.mail;

/**
 * Queues an account email. It is written to the notifications outbox in the caller's transaction and
 * sent by the dispatcher, so a mail server outage delays mail and never loses it, and a rolled-back
 * request sends nothing.
 */
public interface OutboundMail {

    void enqueue(AccountEmail email);
}
