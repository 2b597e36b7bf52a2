package io.wellbase.platform.internal.mail;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP through Spring Mail when {@code spring.mail.host} is set and not blank, over one kept connection
 * ({@link ConnectedSmtp}); otherwise mail is only logged, without its body (which stays in the outbox table).
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfig {

    private static final Logger log = LoggerFactory.getLogger(MailTransportConfig.class);

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, PlatformProperties properties) {
        JavaMailSender configured = sender.getIfAvailable();
        // An empty WELLBASE_SMTP_HOST still defines spring.mail.host, and Spring Boot then builds a
        // sender aimed at localhost:587; a blank host means no SMTP.
        JavaMailSender smtp = configured instanceof JavaMailSenderImpl impl
                        && (impl.getHost() == null || impl.getHost().isBlank())
                ? null
                : configured;
        if (smtp == null) {
            // The body may carry a secret (a reset token): only the kind, address and subject are logged.
            boolean bodies = properties.mail().logBodies();
            log.warn("No SMTP server is configured (WELLBASE_SMTP_HOST): mail is written to the log, kept in "
                    + "notification_deliveries as 'logged', and nobody receives it");
            return new MailTransport() {
                @Override
                public void send(EmailMessage message) {
                    if (bodies) {
                        log.info(
                                "Email ({}) to {}: {}\n{}",
                                message.kind(),
                                message.to(),
                                message.subject(),
                                message.body());
                    } else {
                        log.info("Email ({}) to {}: {}", message.kind(), message.to(), message.subject());
                    }
                }

                @Override
                public boolean delivers() {
                    return false;
                }
            };
        }
        String from = properties.mail().from();
        pinStreamProvider();
        if (smtp instanceof JavaMailSenderImpl impl) {
            return new ConnectedSmtp(impl, from, java.time.Clock.systemUTC());
        }
        return message -> smtp.send(mime(smtp, from, message));
    }

    /**
     * The message as MIME: plain text, or {@code multipart/alternative} with plain text and HTML; its own
     * Message-ID when set. Built with Jakarta Mail directly: Spring's MimeMessageHelper reads the MIME type
     * table from the class path for every message, which made that most of a mail's cost.
     */
    static MimeMessage mime(JavaMailSender smtp, String from, EmailMessage message) throws MessagingException {
        MimeMessage mime = smtp instanceof JavaMailSenderImpl impl
                ? new KeptIdMessage(impl.getSession(), message.messageId())
                : smtp.createMimeMessage();
        mime.setFrom(new InternetAddress(from));
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.to()));
        mime.setSubject(message.subject(), UTF_8);
        if (message.html() == null) {
            mime.setText(message.body(), UTF_8);
        } else {
            jakarta.mail.internet.MimeBodyPart plain = new jakarta.mail.internet.MimeBodyPart();
            plain.setText(message.body(), UTF_8);
            jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            mime.setContent(new jakarta.mail.internet.MimeMultipart("alternative", plain, html));
        }
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    /** Angus Mail's stream provider, the one implementation of Jakarta Mail's StreamProvider on the class path. */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every body part, multipart and
     * encoded header (jakartaee/mail-api#699, #861), scanning the class path each time; named by its system
     * property, it is one loaded-class lookup. Set only when nobody chose another, and only when it is there.
     */
    static void pinStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") != null) {
            return;
        }
        try {
            Class.forName(STREAM_PROVIDER, false, MailTransportConfig.class.getClassLoader());
            System.setProperty("jakarta.mail.util.StreamProvider", STREAM_PROVIDER);
        } catch (ClassNotFoundException e) {
            log.debug("{} is not on the class path; Jakarta Mail finds its stream provider itself", STREAM_PROVIDER);
        }
    }

    /** Jakarta Mail gives every message a new Message-ID when it is sent; this one keeps the given id. */
    private static final class KeptIdMessage extends MimeMessage {

        private final @org.jspecify.annotations.Nullable String messageId;

        KeptIdMessage(jakarta.mail.Session session, @org.jspecify.annotations.Nullable String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
