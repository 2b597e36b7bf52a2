package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Eight weeks of a full Monday evening class with waitlists and no-shows, and a nearly empty Wednesday morning
 * one: the advice adds a session to the first with the figures behind it, suggests standby places, and
 * suggests moving the second.
 */
class SchedulingAdviceIntegrationTests extends OrganizationTest {

    @Test
    void adviceCarriesTheFiguresItRestsOn() {
        Owner owner = ownerWithOrganization("Advice Studio");
        UUID org = owner.orgId();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(berlin);
        UUID location = UUID.randomUUID();
        jdbc.sql("INSERT INTO locations (id, org_id, name, timezone) VALUES (:id, :org, 'Loft', 'Europe/Berlin')")
                .param("id", location)
                .param("org", org)
                .update();
        UUID busy = classType(org, "Evening Flow");
        UUID quiet = classType(org, "Dawn Stretch");
        LocalDate monday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int w = 0; w < 8; w++) {
            LocalDate mon = monday.minusWeeks(w);
            UUID s = session(org, busy, location, mon, 18, 10);
            for (int k = 0; k < 13; k++) {
                String status = k < 8 ? "attended" : k < 10 ? "no_show" : "waitlisted";
                booking(org, s, client(org), status);
            }
            UUID q = session(org, quiet, location, mon.plusDays(2).minusWeeks(1), 7, 20);
            for (int k = 0; k < 3; k++) {
                booking(org, q, client(org), "attended");
            }
        }
        Api.Response r = api.get("/api/v1/analytics/optimal-scheduling", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode advice = r.json();
        JsonNode add = advice.path("addSessions").get(0);
        assertThat(add.path("classType").asString()).isEqualTo("Evening Flow");
        assertThat(add.path("slot").asString()).isEqualTo("Monday 18:00");
        assertThat(add.path("figures").path("fullSessions").asInt()).isEqualTo(8);
        assertThat(add.path("figures").path("waitlistedPerClass").asDouble()).isEqualTo(3.0);
        assertThat(add.path("figures").path("expectedExtraVisitsPerClass").asDouble())
                .isEqualTo(2.4);
        JsonNode standby = advice.path("standby").get(0);
        assertThat(standby.path("figures").path("noShowRate").asDouble()).isEqualTo(20.0);
        assertThat(standby.path("figures").path("standbyPlaces").asInt()).isEqualTo(2);
        JsonNode move = advice.path("moveOrMerge").get(0);
        assertThat(move.path("classType").asString()).isEqualTo("Dawn Stretch");
        assertThat(move.path("slot").asString()).isEqualTo("Wednesday 07:00");
        assertThat(move.path("figures").path("fillRate").asDouble()).isEqualTo(15.0);
        JsonNode monday18 = advice.path("heatmap")
                .valueStream()
                .filter(h -> h.path("weekday").asString().equals("Monday")
                        && h.path("hour").asString().equals("18:00"))
                .findFirst()
                .orElseThrow();
        assertThat(monday18.path("fillRate").asDouble()).isEqualTo(100.0);
        assertThat(advice.path("instructors").get(0).path("classes").asInt()).isEqualTo(16);
        assertThat(api.get("/api/v1/analytics/optimal-scheduling?lowFillPercent=0", owner.token())
                        .status())
                .isEqualTo(400);
    }

    private UUID classType(UUID org, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                VALUES (:id, :org, :name, 60, 10)""").param("id", id).param("org", org).param("name", name).update();
        return id;
    }

    private UUID session(UUID org, UUID type, UUID location, LocalDate day, int hour, int capacity) {
        UUID id = UUID.randomUUID();
        var start = day.atTime(hour, 0).atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime();
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                VALUES (:id, :org, :type, :location, :start, :end, :day, :cap)""")
                .param("id", id)
                .param("org", org)
                .param("type", type)
                .param("location", location)
                .param("start", start)
                .param("end", start.plusHours(1))
                .param("day", day)
                .param("cap", capacity)
                .update();
        return id;
    }

    private UUID client(UUID org) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clients (id, org_id, first_name, last_name) VALUES (:id, :org, 'Adv', 'Ice')")
                .param("id", id)
                .param("org", org)
                .update();
        return id;
    }

    private void booking(UUID org, UUID session, UUID client, String status) {
        jdbc.sql("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, waitlist_position)
                VALUES (:id, :org, :session, :client, :status, CASE WHEN :status = 'waitlisted' THEN 1 END)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("session", session)
                .param("client", client)
                .param("status", status)
                .update();
    }
}
