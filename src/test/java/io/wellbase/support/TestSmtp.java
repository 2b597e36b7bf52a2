package io.wellbase.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One SMTP server (GreenMail) for the whole test JVM, started on a free port with the first integration
 * test: every email the application sends in a test really crosses SMTP, and a test can read what arrived.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {}

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** Everything the server received for an address, oldest first. */
    public static List<MimeMessage> receivedBy(String address) {
        port();
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients())
                        .anyMatch(r -> r.toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains(address.toLowerCase(java.util.Locale.ROOT)))) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The plain-text part of a received message. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a received message, or null when it has none. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            return partOf(message.getContent(), message.getContentType(), type);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partOf(Object content, String contentType, String type)
            throws MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                String found = partOf(part.getContent(), part.getContentType(), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith(type) ? content.toString() : null;
    }

    /** One header of a received message, or null. */
    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
