package io.wellbase.insights.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** App events: batches stored whole or refused whole, counted by type and day, deleted past retention. */
class EventsIntegrationTests extends OrganizationTest {

    @Autowired
    EventStore store;

    private static Map<String, Object> event(String type, String occurredAt) {
        return Map.of(
                "type", type, "properties", Map.of("screen", "schedule"), "occurredAt", occurredAt, "sessionId", "s-1");
    }

    @Test
    void aBatchIsCountedByTypeAndDay() {
        Owner owner = ownerWithOrganization("Events Studio");
        Member desk = memberWithRole(owner, "front_desk");
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(event("screen.view", now));
        }
        batch.add(event("booking.started", now));
        Api.Response r = api.post("/api/v1/analytics/events", Map.of("events", batch), desk.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().path("accepted").asInt()).isEqualTo(8);
        api.post("/api/v1/analytics/events", Map.of("events", List.of(event("screen.view", now))), owner.token());
        Api.Response counts = api.get("/api/v1/analytics/events", owner.token());
        assertThat(counts.status()).as(counts.toString()).isEqualTo(200);
        JsonNode views = counts.json()
                .valueStream()
                .filter(d -> d.path("type").asString().equals("screen.view"))
                .findFirst()
                .orElseThrow();
        assertThat(views.path("events").asLong()).isEqualTo(8);
        assertThat(views.path("users").asLong()).isEqualTo(2);
        Owner other = ownerWithOrganization("Other Events");
        assertThat(api.get("/api/v1/analytics/events", other.token()).json()).isEmpty();
        assertThat(api.get("/api/v1/analytics/events?type=booking.started", owner.token())
                        .json())
                .hasSize(1);
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWhole() {
        Owner owner = ownerWithOrganization("Strict Events");
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        List<Object> batch = new ArrayList<>(List.of(
                event("fine", now),
                event("Not Valid!", now),
                event("old", OffsetDateTime.now(ZoneOffset.UTC).minusDays(60).toString()),
                Map.of("type", "big", "properties", Map.of("x", "y".repeat(5000))),
                Map.of("type", "list", "properties", List.of(1, 2))));
        Api.Response r = api.post("/api/v1/analytics/events", Map.of("events", batch), owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(invalidFields(r))
                .containsExactly(
                        "events[1].type", "events[2].occurredAt", "events[3].properties", "events[4].properties");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(event("x", now));
        }
        assertThat(api.post("/api/v1/analytics/events", Map.of("events", many), owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM analytics_events WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void eventsPastTheOrganizationsRetentionAreDeleted() {
        Owner owner = ownerWithOrganization("Short Memory");
        Owner keeper = ownerWithOrganization("Long Memory");
        Api.Response set = api.put("/api/v1/analytics/settings", Map.of("eventRetentionDays", 2), owner.token());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(api.put("/api/v1/analytics/settings", Map.of("eventRetentionDays", 0), owner.token())
                        .status())
                .isEqualTo(400);
        for (Owner o : List.of(owner, keeper)) {
            jdbc.sql("""
                    INSERT INTO analytics_events (org_id, id, type, occurred_at, user_id)
                    VALUES (:org, :id, 'old.one', now() - interval '3 days', :user)
                    """)
                    .param("org", o.orgId())
                    .param("id", UUID.randomUUID())
                    .param("user", o.userId())
                    .update();
        }
        while (store.deleteExpired(1000) > 0) {
            // drain
        }
        assertThat(count(owner)).isZero();
        assertThat(count(keeper)).isEqualTo(1);
        assertThat(api.get("/api/v1/analytics/settings", owner.token())
                        .json()
                        .path("eventRetentionDays")
                        .asInt())
                .isEqualTo(2);
    }

    private long count(Owner o) {
        return jdbc.sql("SELECT count(*) FROM analytics_events WHERE org_id = :org")
                .param("org", o.orgId())
                .query(Long.class)
                .single();
    }
}
