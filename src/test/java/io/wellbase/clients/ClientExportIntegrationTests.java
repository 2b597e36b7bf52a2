package io.wellbase.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The data-subject export gathers each module's section about one client, and only that client's.
 */
class ClientExportIntegrationTests extends IntegrationTest {

    @Test
    void theExportHoldsEverySectionOfTheClientAndNothingOfOthers() {
        Owner owner = ownerWithOrganization("Export studio");
        String t = owner.token();
        UUID location = api.post("/api/v1/locations", Map.of("name", "Main", "timezone", "Europe/Berlin"), t)
                .id();
        UUID type = api.post(
                        "/api/v1/class-types", Map.of("name", "Hatha", "durationMinutes", 60, "defaultCapacity", 10), t)
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "5 pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 6000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                3),
                        t)
                .id();
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of(
                                "firstName",
                                "Ella",
                                "lastName",
                                "Export",
                                "tags",
                                List.of("vip"),
                                "email",
                                uniqueEmail("ella")),
                        t)
                .id();
        UUID other = api.post("/api/v1/clients", Map.of("firstName", "Otto", "lastName", "Other"), t)
                .id();
        api.post("/api/v1/clients/" + client + "/notes", Map.of("body", "Prefers mornings"), t);
        UUID alert = api.post(
                        "/api/v1/clients/" + client + "/alerts", Map.of("level", "red", "message", "Knee injury"), t)
                .id();
        api.delete("/api/v1/clients/" + client + "/alerts/" + alert, t);

        Api.Response sold = api.post(
                "/api/v1/clients/" + client + "/memberships", Map.of("planId", plan, "paymentMethod", "cash"), t);
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        UUID membership = sold.id();
        LocalDate today = LocalDate.now();
        assertThat(api.post(
                                "/api/v1/memberships/" + membership + "/freezes",
                                Map.of(
                                        "startsOn",
                                        today.plusDays(10).toString(),
                                        "endsOn",
                                        today.plusDays(12).toString()),
                                t)
                        .status())
                .isEqualTo(200);
        api.post(
                "/api/v1/clients/" + other + "/memberships",
                Map.of("planId", plan, "paymentMethod", "card_terminal"),
                t);
        UUID sale = api.get("/api/v1/sales?clientId=" + client, t)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString()
                .transform(UUID::fromString);
        assertThat(api.post("/api/v1/sales/" + sale + "/refunds", Map.of("amount", 1000, "reason", "Goodwill"), t)
                        .status())
                .isEqualTo(200);

        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                type,
                                "locationId",
                                location,
                                "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(1)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString()),
                        t)
                .id();
        UUID booking = api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", client), t)
                .id();
        Api.Response checkedIn =
                api.post("/api/v1/sessions/" + session + "/check-ins", Map.of("bookingId", booking), t);
        assertThat(checkedIn.field("status")).as(checkedIn.toString()).isEqualTo("attended");
        api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", other), t);

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"))
                .plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId", location, "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                t);
        UUID service = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Massage",
                                "durationMinutes",
                                60,
                                "priceAmount",
                                8000,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(owner.userId())),
                        t)
                .id();
        Api.Response appointment = api.post(
                "/api/v1/appointments",
                Map.of(
                        "serviceId",
                        service,
                        "clientId",
                        client,
                        "start",
                        day.atTime(LocalTime.of(9, 0))
                                .atZone(ZoneId.of("Europe/Berlin"))
                                .toOffsetDateTime()
                                .toString()),
                t);
        assertThat(appointment.status()).as(appointment.toString()).isEqualTo(201);

        byte[] waiver = "Signed waiver".getBytes(StandardCharsets.UTF_8);
        UUID file = api.upload(
                        "/api/v1/uploads",
                        Map.of("purpose", "client_document", "clientId", client.toString()),
                        "waiver.txt",
                        waiver,
                        t)
                .id();
        api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "client_document", "clientId", other.toString()),
                "other.txt",
                "Other's".getBytes(StandardCharsets.UTF_8),
                t);

        Api.Response export = api.get("/api/v1/clients/" + client + "/export", t);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode json = export.json();
        assertThat(json.path("client").path("id").asString()).isEqualTo(client.toString());
        assertThat(json.path("client").path("tags").get(0).asString()).isEqualTo("vip");
        assertThat(json.path("alerts").get(0).path("message").asString())
                .as("resolved alerts too")
                .isEqualTo("Knee injury");
        assertThat(json.path("alerts").get(0).path("resolvedAt").isNull()).isFalse();
        assertThat(json.path("notes").get(0).path("body").asString()).isEqualTo("Prefers mornings");

        assertThat(json.path("memberships")).hasSize(1);
        assertThat(json.path("memberships").get(0).path("id").asString()).isEqualTo(membership.toString());
        assertThat(json.path("memberships").get(0).path("freezes")).hasSize(1);
        assertThat(json.path("credits")).hasSize(2);
        assertThat(json.path("credits").get(0).path("reason").asString()).isEqualTo("grant");
        assertThat(json.path("credits").get(0).path("delta").asInt()).isEqualTo(5);
        assertThat(json.path("credits").get(1).path("delta").asInt())
                .as("the booking used one")
                .isEqualTo(-1);
        assertThat(json.path("credits").get(1).path("bookingId").asString()).isEqualTo(booking.toString());
        assertThat(json.path("sales")).hasSize(1);
        assertThat(json.path("sales").get(0).path("id").asString()).isEqualTo(sale.toString());
        assertThat(json.path("sales").get(0).path("total").asLong()).isEqualTo(6000);
        assertThat(json.path("sales").get(0).path("refunded").asLong()).isEqualTo(1000);
        assertThat(json.path("sales")
                        .get(0)
                        .path("items")
                        .get(0)
                        .path("membershipId")
                        .asString())
                .isEqualTo(membership.toString());
        assertThat(json.path("refunds")).hasSize(1);
        assertThat(json.path("refunds").get(0).path("amount").asLong()).isEqualTo(1000);
        assertThat(json.path("refunds").get(0).path("saleId").asString()).isEqualTo(sale.toString());

        assertThat(json.path("bookings")).hasSize(1);
        assertThat(json.path("bookings").get(0).path("id").asString()).isEqualTo(booking.toString());
        assertThat(json.path("bookings").get(0).path("status").asString()).isEqualTo("attended");
        assertThat(json.path("visits")).hasSize(1);
        assertThat(json.path("visits").get(0).path("classTypeName").asString()).isEqualTo("Hatha");
        assertThat(json.path("visits").get(0).path("checkedInAt").isNull()).isFalse();
        assertThat(json.path("appointments")).hasSize(1);
        assertThat(json.path("appointments").get(0).path("id").asString())
                .isEqualTo(appointment.id().toString());
        assertThat(json.path("appointments").get(0).path("serviceId").asString())
                .isEqualTo(service.toString());

        assertThat(json.path("files")).hasSize(1);
        JsonNode exported = json.path("files").get(0);
        assertThat(exported.path("id").asString()).isEqualTo(file.toString());
        assertThat(exported.path("filename").asString()).isEqualTo("waiver.txt");
        HttpResponse<byte[]> downloaded =
                Api.download(exported.path("downloadUrl").asString());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(waiver);

        assertThat(export.text())
                .as("nothing of the other client")
                .doesNotContain(other.toString())
                .doesNotContain("Otto")
                .doesNotContain("other.txt");

        Owner stranger = ownerWithOrganization("Another studio");
        Api.Response foreign = api.get("/api/v1/clients/" + client + "/export", stranger.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text()).doesNotContain("Ella").doesNotContain("waiver");
    }
}
