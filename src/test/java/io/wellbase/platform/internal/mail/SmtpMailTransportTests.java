package io.wellbase.platform.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.MailTransport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The transport that {@link MailTransportConfig} builds, against a real SMTP server (GreenMail),
 * without starting the application.
 */
class SmtpMailTransportTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String FROM = "Wellbase <no-reply@wellbase.test>";

    private static PlatformProperties properties() {
        return new PlatformProperties(
                null, null, null, null, null, new PlatformProperties.Mail(FROM, false), null, null, null, null);
    }

    private static MailTransport transportFor(JavaMailSender sender) {
        StaticListableBeanFactory beans =
                new StaticListableBeanFactory(sender == null ? Map.of() : Map.of("mailSender", sender));
        return new MailTransportConfig().mailTransport(beans.getBeanProvider(JavaMailSender.class), properties());
    }

    private static JavaMailSenderImpl senderOn(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    @Test
    void extraHeadersReachTheRecipientAsMimeHeaders() throws Exception {
        MailTransport transport = transportFor(senderOn(greenMail.getSmtp().getPort()));
        String link = "https://studio.example/api/v1/notifications/unsubscribe?token=t0k&category=bookings";

        transport.send(new EmailMessage(
                "rosa@example.test",
                "Booked: Hatha",
                "See you.",
                "notification",
                Map.of("List-Unsubscribe", "<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + link + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void manyMessagesGoOverOneKeptConnectionWithTheirOwnMessageIds() throws Exception {
        MailTransport transport = transportFor(senderOn(greenMail.getSmtp().getPort()));

        for (int i = 0; i < 3; i++) {
            transport.send(new EmailMessage(
                    "many@example.test",
                    "Mail " + i,
                    "Plain " + i,
                    "<p>Html " + i + "</p>",
                    "notification",
                    "<id-" + i + "@wellbase.test>",
                    Map.of()));
        }

        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly("Mail 0", "Mail 1", "Mail 2");
        assertThat(received[2].getHeader("Message-ID")).containsExactly("<id-2@wellbase.test>");
        assertThat(received[1].getContentType()).startsWith("multipart/");
    }

    @Test
    void sendsTheMessageOverSmtp() throws Exception {
        MailTransport transport = transportFor(senderOn(greenMail.getSmtp().getPort()));

        transport.send(new EmailMessage(
                "ada@example.test", "Reset your Wellbase password", "Hello Ada,\n\nToken: abc123\n", "password_reset"));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Reset your Wellbase password");
        assertThat(GreenMailUtil.getBody(message)).contains("Hello Ada,").contains("Token: abc123");
        assertThat(message.getAllRecipients())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ada@example.test");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@wellbase.test");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Wellbase");
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
    }

    @Test
    void nonAsciiTextSurvives() throws Exception {
        MailTransport transport = transportFor(senderOn(greenMail.getSmtp().getPort()));

        transport.send(new EmailMessage(
                "jürgen@example.test".replace("ü", "u"),
                "Grüße aus dem Studio",
                "Schöne Grüße, Jürgen – bis bald",
                "test"));

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Grüße aus dem Studio");
        assertThat(((String) message.getContent()).trim()).isEqualTo("Schöne Grüße, Jürgen – bis bald");
    }

    @Test
    void anUnreachableServerMakesTheTransportThrowSoTheOutboxRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailTransport transport = transportFor(senderOn(closedPort));

        assertThatThrownBy(() -> transport.send(new EmailMessage("ada@example.test", "S", "B", "test")))
                .isInstanceOf(Exception.class);
    }

    @Test
    void aSenderWithABlankHostCountsAsNoSmtp() throws Exception {
        JavaMailSenderImpl blank = new JavaMailSenderImpl();
        blank.setHost("");
        blank.setPort(1);

        transportFor(blank).send(new EmailMessage("ada@example.test", "S", "B", "test"));

        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutSmtpTheMailIsLoggedWithoutItsBody() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MailTransportConfig.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            MailTransport transport = transportFor(null);

            transport.send(new EmailMessage(
                    "ada@example.test",
                    "Reset your Wellbase password",
                    "Token: super-secret-reset-token",
                    "password_reset"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("'logged'");
        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(1);
        String logged = appender.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .findFirst()
                .orElseThrow()
                .getFormattedMessage();
        assertThat(logged).contains("password_reset").contains("ada@example.test");
        assertThat(logged).as("bodies that carry secrets are never logged").doesNotContain("super-secret-reset-token");
    }
}
