package io.wellbase.platform.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.mail.EmailMessage;
import io.wellbase.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives {@link MailOutboxJob#sendBatch} directly. The row is inserted in the same transaction that
 * sends, so the scheduled job of the running application cannot see it before us.
 */
class MailOutboxJobIntegrationTests extends IntegrationTest {

    private static final PlatformProperties.Mail MAIL = new PlatformProperties.Mail(
            "Wellbase <no-reply@test>", 3, 50, Duration.ofSeconds(5), false, Duration.ofDays(8), Duration.ofDays(90));

    @Autowired
    private TransactionTemplate tx;

    private UUID insert(String to, int attempts) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO email_outbox (id, to_address, subject, body, kind, attempts, next_attempt_at)
                VALUES (:id, :to, 'Subject', 'Body', 'test', :attempts, now() - interval '1 day')
                """)
                .param("id", id)
                .param("to", to)
                .param("attempts", attempts)
                .update();
        return id;
    }

    /** Fails for the address under test, delivers (records) anything else that happens to be pending. */
    private static MailTransport failingFor(String to, List<EmailMessage> attempted) {
        return message -> {
            if (message.to().equals(to)) {
                attempted.add(message);
                throw new IllegalStateException("SMTP server said no");
            }
        };
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("""
                SELECT status, attempts, last_error, sent_at, next_attempt_at > now() + interval '5 seconds' AS later
                FROM email_outbox WHERE id = :id
                """).param("id", id).query().singleRow();
    }

    @Test
    void aFailedSendIsRetriedLaterWithTheAttemptCounted() {
        String to = "retry-" + UUID.randomUUID() + "@example.test";
        List<EmailMessage> attempted = new ArrayList<>();

        UUID id = tx.execute(status -> {
            UUID inserted = insert(to, 0);
            MailOutboxJob.sendBatch(jdbc, failingFor(to, attempted), MAIL);
            return inserted;
        });

        assertThat(attempted).extracting(EmailMessage::to).containsExactly(to);
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("later")).as("next_attempt_at moved into the future").isEqualTo(true);
        assertThat((String) row.get("last_error")).contains("SMTP server said no");
        assertThat(row.get("sent_at")).isNull();
    }

    @Test
    void aSendFailingOnTheLastAttemptIsMarkedFailed() {
        String to = "give-up-" + UUID.randomUUID() + "@example.test";
        List<EmailMessage> attempted = new ArrayList<>();

        UUID id = tx.execute(status -> {
            UUID inserted = insert(to, MAIL.maxAttempts() - 1);
            MailOutboxJob.sendBatch(jdbc, failingFor(to, attempted), MAIL);
            return inserted;
        });

        assertThat(attempted).hasSize(1);
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("attempts")).isEqualTo(MAIL.maxAttempts());
        assertThat(row.get("sent_at")).isNull();
    }

    @Test
    void aSuccessfulSendMarksTheRowSent() {
        String to = "ok-" + UUID.randomUUID() + "@example.test";
        List<EmailMessage> delivered = new ArrayList<>();

        UUID id = tx.execute(status -> {
            UUID inserted = insert(to, 0);
            MailOutboxJob.sendBatch(jdbc, delivered::add, MAIL);
            return inserted;
        });

        assertThat(delivered).extracting(EmailMessage::to).contains(to);
        EmailMessage mine =
                delivered.stream().filter(m -> m.to().equals(to)).findFirst().orElseThrow();
        assertThat(mine.subject()).isEqualTo("Subject");
        assertThat(mine.body()).isEqualTo("Body");
        assertThat(mine.kind()).isEqualTo("test");
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("sent");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();
    }

    @Test
    void rowsThatAreNotDueAreLeftAlone() {
        String to = "later-" + UUID.randomUUID() + "@example.test";
        List<EmailMessage> delivered = new ArrayList<>();

        UUID id = tx.execute(status -> {
            UUID inserted = insert(to, 0);
            jdbc.sql("UPDATE email_outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = :id")
                    .param("id", inserted)
                    .update();
            MailOutboxJob.sendBatch(jdbc, delivered::add, MAIL);
            return inserted;
        });

        assertThat(delivered).extracting(EmailMessage::to).doesNotContain(to);
        assertThat(row(id).get("status")).isEqualTo("pending");
    }
}
