package io.wellbase.platform.internal.mail;

import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP over one kept connection: a batch of mail costs one connect, greeting and login instead of one per
 * message. The connection is opened on the first send, dropped after a failure (the next send opens a new
 * one; the dispatcher retries the failed message later) and renewed when it sat idle longer than
 * {@link #IDLE}, before a server would drop it. Sends are serialized (the dispatcher runs one batch at a time
 * per node).
 */
final class ConnectedSmtp implements MailTransport {

    /** Renewed after this long unused: servers close idle connections after a few minutes. */
    static final Duration IDLE = Duration.ofSeconds(30);

    private final JavaMailSenderImpl smtp;
    private final String from;
    private final Clock clock;
    private @Nullable Transport transport;
    private Instant lastUsed = Instant.EPOCH;

    ConnectedSmtp(JavaMailSenderImpl smtp, String from, Clock clock) {
        this.smtp = smtp;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public synchronized void send(EmailMessage message) throws MessagingException {
        MimeMessage mime = MailTransportConfig.mime(smtp, from, message);
        mime.setSentDate(java.util.Date.from(clock.instant()));
        mime.saveChanges();
        Transport open = connected();
        try {
            open.sendMessage(mime, mime.getAllRecipients());
            lastUsed = clock.instant();
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Transport connected() throws MessagingException {
        Instant now = clock.instant();
        if (transport != null
                && (!transport.isConnected() || lastUsed.plus(IDLE).isBefore(now))) {
            close();
        }
        if (transport == null) {
            Transport fresh = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
            // as JavaMailSenderImpl does: an empty user or password (WELLBASE_SMTP_USER unset) means none, no AUTH
            fresh.connect(
                    smtp.getHost(), smtp.getPort(), blankToNull(smtp.getUsername()), blankToNull(smtp.getPassword()));
            transport = fresh;
        }
        return transport;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }
}
