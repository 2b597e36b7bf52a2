package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.OrganizationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tier's SMS allowance: an organization on the free tier (no SMS) still tells its client by email and in the
 * app, but sends no SMS; one without a tier sends it.
 */
class SmsAllowanceIntegrationTests extends OrganizationTest {

    @Autowired
    Notifier notifier;

    @Test
    void theFreeTierSendsNoSmsButStillTheEmail() {
        Owner free = ownerWithOrganization("SMS free");
        jdbc.sql("INSERT INTO organization_tiers (org_id, tier) VALUES (:o, 'free')")
                .param("o", free.orgId())
                .update();
        Owner open = ownerWithOrganization("SMS open");
        assertThat(channelsAfterTelling(free)).containsEntry("email", 1L).doesNotContainKey("sms");
        assertThat(channelsAfterTelling(open)).containsEntry("email", 1L).containsEntry("sms", 1L);
    }

    private Map<String, Long> channelsAfterTelling(Owner owner) {
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of(
                                "firstName",
                                "Sam",
                                "lastName",
                                "Text",
                                "email",
                                uniqueEmail("sam"),
                                "mobilePhone",
                                "+4915112345678"),
                        owner.token())
                .id();
        notifier.tell(Message.of(
                owner.orgId(),
                NotificationType.SESSION_CANCELLED,
                client,
                "session",
                UUID.randomUUID(),
                "cancelled",
                Map.of("class", "Yoga", "when", "tomorrow", "place", "Studio")));
        Map<String, Long> channels = new java.util.TreeMap<>();
        jdbc.sql("SELECT channel, count(*) FROM notification_deliveries WHERE org_id = :o GROUP BY channel")
                .param("o", owner.orgId())
                .query((rs, n) -> channels.put(rs.getString(1), rs.getLong(2)))
                .list();
        return channels;
    }
}
