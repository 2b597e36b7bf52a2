package io.wellbase.platform.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's bookkeeping has a retention period: old completed event publications go, handled
 * mail loses its body (and the tokens in it) after the body retention and the row after the retention;
 * what is recent or still pending stays.
 */
class RetentionIntegrationTests extends IntegrationTest {

    @Autowired
    PlatformProperties properties;

    @Test
    void oldBookkeepingIsPurgedAndRecentRowsStay() {
        UUID oldEvent = UUID.randomUUID();
        UUID newEvent = UUID.randomUUID();
        UUID openEvent = UUID.randomUUID();
        for (Object[] e : new Object[][] {
            {oldEvent, "now() - interval '8 days'"}, {newEvent, "now() - interval '1 hour'"}, {openEvent, "NULL"}
        }) {
            jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                            + "completion_date) VALUES (:id, 'l', 't', '{}', now() - interval '9 days', " + e[1] + ")")
                    .param("id", e[0])
                    .update();
        }
        UUID oldMail = mail("logged", "now() - interval '9 days'");
        UUID ancientMail = mail("sent", "now() - interval '91 days'");
        UUID recentMail = mail("logged", "now() - interval '1 day'");
        UUID pendingMail = mail("pending", "now() - interval '100 days'");

        PlatformRetentionJob.purge(jdbc, properties);

        assertThat(exists("event_publication", oldEvent)).isFalse();
        assertThat(exists("event_publication", newEvent)).isTrue();
        assertThat(exists("event_publication", openEvent))
                .as("an incomplete publication is retried, never purged")
                .isTrue();
        assertThat(body(oldMail)).isEmpty();
        assertThat(exists("email_outbox", ancientMail)).isFalse();
        assertThat(body(recentMail)).contains("Token: secret");
        assertThat(body(pendingMail)).as("unsent mail keeps its body").contains("Token: secret");
    }

    private UUID mail(String status, String createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO email_outbox (id, to_address, subject, body, kind, status, created_at) "
                        + "VALUES (:id, 'a@example.test', 's', 'Token: secret', 'password_reset', :status, " + createdAt
                        + ")")
                .param("id", id)
                .param("status", status)
                .update();
        return id;
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private String body(UUID id) {
        return jdbc.sql("SELECT body FROM email_outbox WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
