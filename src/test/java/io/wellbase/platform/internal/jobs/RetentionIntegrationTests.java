package io.wellbase.platform.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's bookkeeping has a retention period: old completed event publications go; what is recent
 * or still open stays. (Mail is the notifications outbox's: DeliveryRetentionIntegrationTests.)
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
        PlatformRetentionJob.purge(jdbc, properties);

        assertThat(exists("event_publication", oldEvent)).isFalse();
        assertThat(exists("event_publication", newEvent)).isTrue();
        assertThat(exists("event_publication", openEvent))
                .as("an incomplete publication is retried, never purged")
                .isTrue();
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
