package io.wellbase.platform.internal.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.mail.EmailMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several worker nodes
 * share the outbox without sending anything twice; a failure is retried with exponential back-off
 * until {@code max-attempts}, after which the row is kept as failed for an operator to see.
 */
@Configuration(proxyBeanMethods = false)
class MailOutboxJob {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxJob.class);

    @Bean
    RecurringTask<Void> mailOutboxTask(
            JdbcClient jdbc, TransactionTemplate tx, MailTransport transport, PlatformProperties properties) {
        PlatformProperties.Mail mail = properties.mail();
        return Tasks.recurring("mail-outbox", FixedDelay.of(mail.pollInterval()))
                .execute((instance, context) -> {
                    int sent;
                    do {
                        sent = tx.execute(status -> sendBatch(jdbc, transport, mail));
                    } while (sent == mail.batchSize());
                });
    }

    private static final tools.jackson.databind.ObjectMapper HEADERS = new tools.jackson.databind.ObjectMapper();

    static java.util.Map<String, String> headers(String json) {
        return HEADERS.readValue(json, new tools.jackson.core.type.TypeReference<java.util.Map<String, String>>() {});
    }

    static int sendBatch(JdbcClient jdbc, MailTransport transport, PlatformProperties.Mail mail) {
        List<Pending> batch = jdbc.sql("""
                SELECT id, to_address, subject, body, kind, headers::text AS headers, attempts
                FROM email_outbox
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("limit", mail.batchSize())
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        new EmailMessage(
                                rs.getString("to_address"),
                                rs.getString("subject"),
                                rs.getString("body"),
                                rs.getString("kind"),
                                headers(rs.getString("headers"))),
                        rs.getInt("attempts")))
                .list();
        for (Pending pending : batch) {
            try {
                transport.send(pending.message());
                jdbc.sql(
                                "UPDATE email_outbox SET status = :status, sent_at = now(), attempts = attempts + 1 WHERE id = :id")
                        .param("status", transport.delivers() ? "sent" : "logged")
                        .param("id", pending.id())
                        .update();
            } catch (Exception e) {
                int attempts = pending.attempts() + 1;
                boolean giveUp = attempts >= mail.maxAttempts();
                Duration backoff = Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts, 20)));
                log.warn(
                        "Email {} ({}) failed on attempt {}: {}",
                        pending.id(),
                        pending.message().kind(),
                        attempts,
                        e.getMessage());
                jdbc.sql("""
                        UPDATE email_outbox
                        SET attempts = :attempts, last_error = :error,
                            status = CASE WHEN :giveUp THEN 'failed' ELSE 'pending' END,
                            next_attempt_at = now() + make_interval(secs => :backoff)
                        WHERE id = :id
                        """)
                        .param("attempts", attempts)
                        .param("error", String.valueOf(e.getMessage()))
                        .param("giveUp", giveUp)
                        .param("backoff", backoff.toSeconds())
                        .param("id", pending.id())
                        .update();
            }
        }
        return batch.size();
    }

    private record Pending(UUID id, EmailMessage message, int attempts) {}
}
