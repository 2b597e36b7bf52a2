package io.wellbase.notifications.internal;

import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.OutboundMail;
import io.wellbase.platform.web.PublicUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Email goes through the platform's mail outbox, in the dispatcher's transaction: the delivery is marked
 * sent exactly when the mail is queued for SMTP, so a crash between the two loses or doubles nothing.
 * Every message but a critical one carries its category's unsubscribe link, in the text and as the
 * RFC 8058 one-click headers.
 */
@Component
class EmailSender implements ChannelSender {

    private final OutboundMail mail;
    private final OptOuts optOuts;
    private final PublicUrl publicUrl;

    EmailSender(OutboundMail mail, OptOuts optOuts, PublicUrl publicUrl) {
        this.mail = mail;
        this.optOuts = optOuts;
        this.publicUrl = publicUrl;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public @Nullable String send(Deliveries.Due message) {
        if (message.clientId() == null || message.category().critical()) {
            mail.enqueue(new EmailMessage(message.recipient(), message.subject(), message.body(), "notification"));
            return null;
        }
        String link = publicUrl.base() + UnsubscribeController.PATH + "?token="
                + URLEncoder.encode(optOuts.tokenFor(message.orgId(), message.clientId()), StandardCharsets.UTF_8)
                + "&category=" + message.category().value();
        String body = message.body() + "\n\n--\nNo more " + message.category().value() + " emails: " + link + "\n";
        mail.enqueue(new EmailMessage(
                message.recipient(),
                message.subject(),
                body,
                "notification",
                Map.of("List-Unsubscribe", "<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        return null;
    }
}
