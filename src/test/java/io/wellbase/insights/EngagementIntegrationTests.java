package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Engagement scores against the studio's own norms, worked out by hand here, and the client list sorted by them. */
class EngagementIntegrationTests extends OrganizationTest {

    @Test
    void scoresAreTheirPartsAgainstTheStudiosNorm() {
        Owner owner = ownerWithOrganization("Engaged Studio");
        UUID org = owner.orgId();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        UUID location = UUID.randomUUID();
        jdbc.sql("INSERT INTO locations (id, org_id, name, timezone) VALUES (:id, :org, 'Hall', 'Europe/Berlin')")
                .param("id", location)
                .param("org", org)
                .update();
        UUID type = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO class_types (id, org_id, name, duration_minutes, default_capacity)
                VALUES (:id, :org, 'Flow', 60, 20)""").param("id", type).param("org", org).update();
        UUID regular = client(org, "Regular");
        UUID occasional = client(org, "Occasional");
        UUID never = client(org, "Never");
        visit(org, type, location, regular, today.minusDays(400));
        for (int i = 1; i <= 10; i++) {
            visit(org, type, location, regular, today.minusDays(i * 8L - 7));
        }
        visit(org, type, location, occasional, today.minusDays(60));
        visit(org, type, location, occasional, today.minusDays(30));
        sale(org, regular, 10_000);
        sale(org, occasional, 2_000);

        JsonNode a = score(owner, regular);
        // frequency 40 (10 visits against a median of 6), recency 25·(1 − 1/60), tenure 15, spend 20
        assertThat(a.path("score").asInt()).isEqualTo(100);
        assertThat(a.path("parts").path("studioMedianVisits").asDouble()).isEqualTo(6.0);
        assertThat(a.path("parts").path("recency").asDouble()).isEqualTo(24.6);
        JsonNode b = score(owner, occasional);
        // 40·2/6 + 25·(1 − 30/60) + 15·60/365 + 20·2000/6000 = 13.3 + 12.5 + 2.5 + 6.7
        assertThat(b.path("score").asInt()).isEqualTo(35);
        assertThat(b.path("parts").path("frequency").asDouble()).isEqualTo(13.3);
        assertThat(score(owner, never).path("score").asInt()).isZero();

        Api.Response list = api.get("/api/v1/clients?sort=-engagement&page_size=3", owner.token());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json()
                        .path("data")
                        .valueStream()
                        .map(c -> c.path("firstName").asString()))
                .containsExactly("Regular", "Occasional", "Never");
        Owner other = ownerWithOrganization("Not Yours");
        assertThat(api.get("/api/v1/clients/" + regular + "/score", other.token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void whereTheStudioRunsProgramsProgramActivityIsAPart() {
        Owner owner = ownerWithOrganization("Program Engagement Studio");
        UUID org = owner.orgId();
        UUID learner = client(org, "Learner");
        UUID idle = client(org, "Idle");
        UUID program = UUID.randomUUID();
        jdbc.sql("INSERT INTO programs (id, org_id, title, difficulty) VALUES (:id, :org, 'Calm', 'beginner')")
                .param("id", program)
                .param("org", org)
                .update();
        for (int i = 1; i <= 8; i++) {
            UUID module = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO program_modules (id, org_id, program_id, position, title, type)
                    VALUES (:id, :org, :p, :pos, 'M', 'text')""")
                    .param("id", module)
                    .param("org", org)
                    .param("p", program)
                    .param("pos", i)
                    .update();
            jdbc.sql("""
                    INSERT INTO module_completions (org_id, module_id, program_id, client_id, time_spent_seconds)
                    VALUES (:org, :m, :p, :c, 60)""")
                    .param("org", org)
                    .param("m", module)
                    .param("p", program)
                    .param("c", learner)
                    .update();
        }
        JsonNode learnt = score(owner, learner);
        // no visits, no spend: programs 10 of the 110 points, scaled to 100
        assertThat(learnt.path("parts").path("programs").asDouble()).isEqualTo(10.0);
        assertThat(learnt.path("score").asInt()).isEqualTo(9);
        assertThat(score(owner, idle).path("parts").path("programs").asDouble()).isZero();
    }

    private JsonNode score(Owner owner, UUID client) {
        Api.Response r = api.get("/api/v1/clients/" + client + "/score", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private UUID client(UUID org, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO clients (id, org_id, first_name, last_name) VALUES (:id, :org, :name, 'Client')")
                .param("id", id)
                .param("org", org)
                .param("name", name)
                .update();
        return id;
    }

    private void visit(UUID org, UUID type, UUID location, UUID client, LocalDate day) {
        UUID session = UUID.randomUUID();
        var start = day.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime();
        jdbc.sql("""
                INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity)
                VALUES (:id, :org, :type, :location, :start, :end, :day, 20)""")
                .param("id", session)
                .param("org", org)
                .param("type", type)
                .param("location", location)
                .param("start", start)
                .param("end", start.plusHours(1))
                .param("day", day)
                .update();
        jdbc.sql("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status)
                VALUES (:id, :org, :session, :client, 'attended')""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("session", session)
                .param("client", client)
                .update();
    }

    private void sale(UUID org, UUID client, long cents) {
        UUID sale = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sales (id, org_id, client_id, currency, subtotal, total, payment_method)
                VALUES (:id, :org, :client, 'EUR', :v, :v, 'cash')""")
                .param("id", sale)
                .param("org", org)
                .param("client", client)
                .param("v", cents)
                .update();
        jdbc.sql("""
                INSERT INTO sale_items (id, org_id, sale_id, description, quantity, unit_amount, total)
                VALUES (:id, :org, :sale, 'Pack', 1, :v, :v)""")
                .param("id", UUID.randomUUID())
                .param("org", org)
                .param("sale", sale)
                .param("v", cents)
                .update();
    }
}
