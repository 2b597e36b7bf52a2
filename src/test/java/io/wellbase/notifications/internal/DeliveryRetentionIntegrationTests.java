package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox has a retention period: a handled account email loses its body (and the token in it) after
 * the body retention, every handled row goes after the delivery retention; what is recent or still queued
 * stays, and another category's body is not blanked.
 */
class DeliveryRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    Deliveries deliveries;

    @Autowired
    NotificationsProperties properties;

    @Test
    void oldAccountMailLosesItsBodyAndOldRowsGoWhileQueuedOnesStay() {
        UUID oldMail = row("account", "logged", "now() - interval '9 days'");
        UUID ancientMail = row("account", "sent", "now() - interval '91 days'");
        UUID recentMail = row("account", "logged", "now() - interval '1 day'");
        UUID queuedMail = row("account", "queued", "now() - interval '100 days'");
        UUID oldBooking = row("bookings", "sent", "now() - interval '9 days'");

        DeliveryRetention.purge(deliveries, properties);

        assertThat(body(oldMail)).isEmpty();
        assertThat(count(ancientMail)).isZero();
        assertThat(body(recentMail)).contains("Token: secret");
        assertThat(body(queuedMail)).as("unsent mail keeps its body").contains("Token: secret");
        assertThat(body(oldBooking)).as("no token in a booking mail").contains("Token: secret");
    }

    private UUID row(String category, String status, String createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO notification_deliveries (id, channel, type, category, recipient, subject, body, dedupe_key,"
                                + " status, next_attempt_at, created_at) VALUES (:id, 'email', 'account.password_reset', :category,"
                                + " 'a@example.test', 's', 'Token: secret', :key, :status, now() + interval '1 day', "
                                + createdAt + ")")
                .param("id", id)
                .param("category", category)
                .param("key", "retention:" + id)
                .param("status", status)
                .update();
        return id;
    }

    private long count(UUID id) {
        return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private String body(UUID id) {
        return jdbc.sql("SELECT body FROM notification_deliveries WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
