package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchedulesIntegrationTests extends IntegrationTest {

    @Test
    void weeklySchedulesGenerateSessionsAtLocalTimeAndChangesSpareBookedOnes() {
        Owner owner = ownerWithOrganization("Schedules");
        var f = SchedulingFixture.create(api, owner.token());
        Api.Response created = api.post(
                "/api/v1/schedules",
                Map.of(
                        "classTypeId",
                        f.classTypeId(),
                        "locationId",
                        f.locationId(),
                        "weekdays",
                        List.of(1, 3),
                        "startTime",
                        "07:00",
                        "capacity",
                        8,
                        "firstDate",
                        LocalDate.now().toString()),
                owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        int generated = created.json().path("sessionsUpdated").asInt();
        assertThat(generated).isBetween(22, 26);
        UUID scheduleId =
                UUID.fromString(created.json().path("schedule").path("id").asString());

        var sessions = api.get("/api/v1/sessions?classTypeId=" + f.classTypeId() + "&page_size=200", owner.token())
                .json()
                .path("data");
        assertThat(sessions.size()).isEqualTo(generated);
        for (var s : sessions) {
            var local =
                    OffsetDateTime.parse(s.path("startsAt").asString()).atZoneSameInstant(ZoneId.of("Europe/Berlin"));
            assertThat(local.toLocalTime().toString()).isEqualTo("07:00");
            assertThat(local.getDayOfWeek().getValue()).isIn(1, 3);
        }
        UUID booked = UUID.fromString(sessions.get(1).path("id").asString());
        f.book(booked, f.member("Early"), false);

        Api.Response changed =
                api.patch("/api/v1/schedules/" + scheduleId, Map.of("startTime", "08:15"), owner.token());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("sessionsNotChanged").toString()).contains(booked.toString());
        var after = api.get("/api/v1/sessions?classTypeId=" + f.classTypeId() + "&page_size=200", owner.token())
                .json()
                .path("data");
        long moved = 0;
        for (var s : after) {
            var local =
                    OffsetDateTime.parse(s.path("startsAt").asString()).atZoneSameInstant(ZoneId.of("Europe/Berlin"));
            if (s.path("id").asString().equals(booked.toString())) {
                assertThat(local.toLocalTime().toString())
                        .as("the booked session keeps its time")
                        .isEqualTo("07:00");
            } else if (local.toLocalTime().toString().equals("08:15")) {
                moved++;
            }
        }
        assertThat(moved).isEqualTo(after.size() - 1);

        assertThat(api.post(
                                "/api/v1/schedules",
                                Map.of(
                                        "classTypeId",
                                        f.classTypeId(),
                                        "locationId",
                                        f.locationId(),
                                        "weekdays",
                                        List.of(8),
                                        "startTime",
                                        "07:00",
                                        "firstDate",
                                        "2026-01-01"),
                                owner.token())
                        .status())
                .isEqualTo(400);

        Api.Response ended = api.delete("/api/v1/schedules/" + scheduleId, owner.token());
        assertThat(ended.json().path("sessionsNotChanged").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/sessions?classTypeId=" + f.classTypeId(), owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }
}
