package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AppointmentsIntegrationTests extends IntegrationTest {

    private record Setup(Owner owner, UUID location, UUID service, UUID client, LocalDate day) {}

    private Setup setup(String name) {
        Owner owner = ownerWithOrganization(name);
        UUID location = api.post(
                        "/api/v1/locations", Map.of("name", "Clinic", "timezone", "Europe/Berlin"), owner.token())
                .id();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"))
                .plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId", location, "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                owner.token());
        UUID service = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Massage",
                                "durationMinutes",
                                60,
                                "bufferAfterMinutes",
                                15,
                                "priceAmount",
                                8000,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(owner.userId())),
                        owner.token())
                .id();
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Cal", "lastName", "Client"), owner.token())
                .id();
        return new Setup(owner, location, service, client, day);
    }

    private List<String> slots(Setup s) {
        return api.get(
                        "/api/v1/availability?serviceId=" + s.service() + "&from=" + s.day() + "&to=" + s.day(),
                        s.owner().token())
                .json()
                .path("data")
                .findValuesAsString("start");
    }

    private String at(Setup s, String time) {
        return s.day()
                .atTime(java.time.LocalTime.parse(time))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toOffsetDateTime()
                .toString();
    }

    private Api.Response book(Setup s, String time) {
        return api.post(
                "/api/v1/appointments",
                Map.of("serviceId", s.service(), "clientId", s.client(), "start", at(s, time)),
                s.owner().token());
    }

    @Test
    void availabilityBookingRescheduleAndCancel() {
        Setup s = setup("Appointments");
        assertThat(slots(s)).hasSize(8);
        Api.Response booked = book(s, "09:00");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.field("status")).isEqualTo("confirmed");
        // 09:00-10:00 plus 15 minutes after: the next start is 10:15
        assertThat(slots(s)).extracting(t -> t.substring(11, 16)).containsExactly("10:15", "10:30", "10:45");
        Api.Response clash = book(s, "09:30");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.field("code")).isEqualTo("appointment.slot_unavailable");

        Api.Response moved = api.post(
                "/api/v1/appointments/" + booked.id() + "/reschedule",
                Map.of("newStart", at(s, "10:45")),
                s.owner().token());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(slots(s))
                .extracting(t -> t.substring(11, 16))
                .contains("09:00", "09:30")
                .doesNotContain("10:45", "10:00");

        assertThat(api.post(
                                "/api/v1/appointments/" + booked.id() + "/cancel",
                                Map.of("reason", "sick"),
                                s.owner().token())
                        .field("status"))
                .isEqualTo("cancelled");
        assertThat(slots(s)).hasSize(8);
        Api.Response again = api.post(
                "/api/v1/appointments/" + booked.id() + "/cancel",
                Map.of("reason", "twice"),
                s.owner().token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("appointment.not_active");
        Api.Response revived = api.patch(
                "/api/v1/appointments/" + booked.id(),
                Map.of("status", "completed"),
                s.owner().token());
        assertThat(revived.status())
                .as("a cancelled appointment stays cancelled")
                .isEqualTo(409);
        assertThat(revived.field("code")).isEqualTo("appointment.invalid_transition");
        assertThat(api.patch(
                                "/api/v1/appointments/" + booked.id(),
                                Map.of("notes", "called back"),
                                s.owner().token())
                        .field("status"))
                .as("notes may still change")
                .isEqualTo("cancelled");
    }

    @Test
    void aCompletedAppointmentDoesNotGoBack() {
        Setup s = setup("Appointment states");
        Api.Response booked = book(s, "09:00");
        assertThat(api.patch(
                                "/api/v1/appointments/" + booked.id(),
                                Map.of("status", "completed"),
                                s.owner().token())
                        .field("status"))
                .isEqualTo("completed");
        Api.Response back = api.patch(
                "/api/v1/appointments/" + booked.id(),
                Map.of("status", "confirmed"),
                s.owner().token());
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.field("code")).isEqualTo("appointment.invalid_transition");
        assertThat(api.patch(
                                "/api/v1/appointments/" + booked.id(),
                                Map.of("status", "completed"),
                                s.owner().token())
                        .status())
                .as("the same status again is no move")
                .isEqualTo(200);
        assertThat(api.patch(
                                "/api/v1/appointments/" + booked.id(),
                                Map.of("status", "bogus"),
                                s.owner().token())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void timeOffAndClassesBlockSlots() {
        Setup s = setup("Blocked");
        api.post(
                "/api/v1/staff/" + s.owner().userId() + "/time-off",
                Map.of("startsAt", at(s, "09:00"), "endsAt", at(s, "10:00")),
                s.owner().token());
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Yoga", "durationMinutes", 60, "defaultCapacity", 5),
                        s.owner().token())
                .id();
        api.post(
                "/api/v1/sessions",
                Map.of(
                        "classTypeId",
                        type,
                        "locationId",
                        s.location(),
                        "startsAt",
                        at(s, "11:15"),
                        "instructorId",
                        s.owner().userId()),
                s.owner().token());
        assertThat(slots(s)).extracting(t -> t.substring(11, 16)).containsExactly("10:00");
    }

    @Test
    void racingRequestsForOneSlotLeaveOneAppointment() throws Exception {
        Setup s = setup("Appointment race");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return book(s, "10:00").status();
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        assertThat(statuses.stream().filter(st -> st == 201).count()).isEqualTo(1);
        assertThat(statuses).filteredOn(st -> st != 201).containsOnly(409);
    }

    @Test
    void theDatabaseRefusesOverlapsEvenWithoutTheApi() {
        Setup s = setup("Constraint");
        UUID first = book(s, "09:00").id();
        String staff = s.owner().userId().toString();
        var insert = """
                INSERT INTO appointments (id, org_id, service_id, staff_id, client_id, location_id, starts_at, ends_at,
                    blocked_from, blocked_to, status)
                SELECT gen_random_uuid(), org_id, service_id, staff_id, client_id, location_id,
                    starts_at + interval '30 minutes', ends_at + interval '30 minutes',
                    blocked_from + interval '30 minutes', blocked_to + interval '30 minutes', 'confirmed'
                FROM appointments WHERE id = :id
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql(insert).param("id", first).update())
                .hasMessageContaining("appointments_staff_no_overlap");
        assertThat(staff).isNotBlank();
    }

    @Test
    void oneOffExtraHoursOpenSlotsOnAnOtherwiseFreeDay() {
        Setup s = setup("Extra hours");
        LocalDate saturday = s.day().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        Api.Response added = api.post(
                "/api/v1/staff/" + s.owner().userId() + "/extra-hours",
                Map.of(
                        "locationId",
                        s.location(),
                        "onDate",
                        saturday.toString(),
                        "startTime",
                        "10:00",
                        "endTime",
                        "11:15"),
                s.owner().token());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        var slots = api.get(
                        "/api/v1/availability?serviceId=" + s.service() + "&from=" + saturday + "&to=" + saturday,
                        s.owner().token())
                .json()
                .path("data")
                .findValuesAsString("start");
        assertThat(slots).extracting(t -> t.substring(11, 16)).containsExactly("10:00");
    }

    @Test
    void twoStaffCannotUseOneRoomAtOnce() {
        Setup s = setup("Rooms");
        String email = uniqueEmail("therapist");
        api.post(
                "/api/v1/invitations",
                Map.of("email", email, "role", "staff"),
                s.owner().token());
        Api.Response joined = api.post(
                "/api/v1/auth/invitations/accept",
                Map.of(
                        "token",
                        tokenIn(lastEmailBody(email, "invitation")),
                        "firstName",
                        "T",
                        "lastName",
                        "Two",
                        "password",
                        PASSWORD),
                null);
        UUID second = UUID.fromString(joined.field("user.id"));
        api.put(
                "/api/v1/staff/" + second + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId", s.location(), "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                s.owner().token());
        UUID service = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Facial",
                                "durationMinutes",
                                60,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(s.owner().userId(), second)),
                        s.owner().token())
                .id();
        UUID room = api.post(
                        "/api/v1/locations/" + s.location() + "/rooms",
                        Map.of("name", "Treatment", "capacity", 1),
                        s.owner().token())
                .id();
        Api.Response first = api.post(
                "/api/v1/appointments",
                Map.of(
                        "serviceId",
                        service,
                        "staffId",
                        s.owner().userId(),
                        "roomId",
                        room,
                        "clientId",
                        s.client(),
                        "start",
                        at(s, "10:00")),
                s.owner().token());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response clash = api.post(
                "/api/v1/appointments",
                Map.of(
                        "serviceId",
                        service,
                        "staffId",
                        second,
                        "roomId",
                        room,
                        "clientId",
                        s.client(),
                        "start",
                        at(s, "10:30")),
                s.owner().token());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.field("code")).isEqualTo("appointment.room_overlap");
        assertThat(api.post(
                                "/api/v1/appointments",
                                Map.of(
                                        "serviceId",
                                        service,
                                        "staffId",
                                        second,
                                        "clientId",
                                        s.client(),
                                        "start",
                                        at(s, "10:30")),
                                s.owner().token())
                        .status())
                .as("the same time without the room is fine")
                .isEqualTo(201);
    }
}
