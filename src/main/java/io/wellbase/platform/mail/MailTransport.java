package io.wellbase.platform.mail;

/**
 * Hands one email to the mail server (SMTP) or, with none configured, to the log; throws when the server
 * refuses it. Only the notifications module's email channel calls it: everything else queues mail through
 * {@link OutboundMail}, so that every email waits in one outbox and is retried the same way.
 */
public interface MailTransport {

    void send(EmailMessage message) throws Exception;

    /** False for the transport that only writes mail to the log (no SMTP server configured). */
    default boolean delivers() {
        return true;
    }
}
