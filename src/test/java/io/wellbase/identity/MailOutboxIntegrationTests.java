package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailOutboxIntegrationTests extends IntegrationTest {

    private Map<String, Object> outboxRow(String email, String kind) {
        return jdbc.sql("""
                SELECT status, attempts, sent_at, last_error, subject FROM email_outbox
                WHERE lower(to_address) = lower(:to) AND kind = :kind
                """).param("to", email).param("kind", kind).query().singleRow();
    }

    private Map<String, Object> awaitStatus(String email, String kind, String status, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> row = outboxRow(email, kind);
        while (!status.equals(row.get("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            row = outboxRow(email, kind);
        }
        return row;
    }

    @Test
    void withoutSmtpQueuedMailIsLoggedAndSaysSo() throws InterruptedException {
        Account account = register("outbox");

        Map<String, Object> row = awaitStatus(account.email(), "email_verification", "logged", Duration.ofSeconds(10));

        assertThat(row.get("status")).as("nobody received it: not 'sent'").isEqualTo("logged");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("last_error")).isNull();
        assertThat(row.get("subject")).isEqualTo("Confirm your email address");
    }

    @Test
    void passwordResetMailIsSentToo() throws InterruptedException {
        Account account = register("outbox-reset");
        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", account.email()), null)
                        .status())
                .isEqualTo(202);

        Map<String, Object> row = awaitStatus(account.email(), "password_reset", "logged", Duration.ofSeconds(10));

        assertThat(row.get("status")).as(row.toString()).isEqualTo("logged");
    }
}
