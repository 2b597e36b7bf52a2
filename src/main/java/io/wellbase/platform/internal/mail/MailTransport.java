package io.wellbase.platform.internal.mail;

import io.wellbase.platform.mail.EmailMessage;

/**
 * Delivers one email or throws; the outbox job retries failures with back-off.
 */
interface MailTransport {

    void send(EmailMessage message) throws Exception;

    /** False for the transport that only writes mail to the log (no SMTP server configured). */
    default boolean delivers() {
        return true;
    }
}
