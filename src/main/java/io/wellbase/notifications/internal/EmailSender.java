package io.wellbase.notifications.internal;

import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.OutboundMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Email goes through the platform's mail outbox, in the dispatcher's transaction: the delivery is marked
 * sent exactly when the mail is queued for SMTP, so a crash between the two loses or doubles nothing.
 */
@Component
class EmailSender implements ChannelSender {

    private final OutboundMail mail;

    EmailSender(OutboundMail mail) {
        this.mail = mail;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public @Nullable String send(String recipient, String subject, String body) {
        mail.enqueue(new EmailMessage(recipient, subject, body, "notification"));
        return null;
    }
}
