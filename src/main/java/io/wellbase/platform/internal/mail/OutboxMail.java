package io.wellbase.platform.internal.mail;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.platform.mail.OutboundMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes mail to the outbox in the caller's transaction; {@link MailOutboxJob} delivers it.
 */
@Component
class OutboxMail implements OutboundMail {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OutboxMail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void enqueue(EmailMessage message) {
        jdbc.sql("""
                INSERT INTO email_outbox (id, to_address, subject, body, kind, headers)
                VALUES (:id, :to, :subject, :body, :kind, CAST(:headers AS jsonb))
                """)
                .param("id", Ids.newId())
                .param("to", message.to())
                .param("subject", message.subject())
                .param("body", message.body())
                .param("kind", message.kind())
                .param("headers", json.writeValueAsString(message.headers()))
                .update();
    }
}
