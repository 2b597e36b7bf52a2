package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An appointment tells the client when it is booked, moved and cancelled; its reminders follow it when it
 * moves (the new time's reminders, none for the old time) and stop when it is cancelled.
 */
class AppointmentNotificationsIntegrationTests extends IntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    ReminderDispatch reminderDispatch;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private void await(String sql, UUID id, long expected) throws InterruptedException {
        for (int i = 0; i < 300 && count(sql, id) != expected; i++) {
            Thread.sleep(50);
        }
        assertThat(count(sql, id)).as(sql).isEqualTo(expected);
    }

    /** A clinic whose owner works 09:00–17:00 on the day's weekday and offers a 60-minute service. */
    private record Clinic(UUID service, LocalDate day) {}

    private Clinic clinic(Owner owner, String serviceName, DayOfWeek weekday) {
        String t = owner.token();
        UUID location = api.post("/api/v1/locations", Map.of("name", "Clinic", "timezone", "Europe/Berlin"), t)
                .id();
        LocalDate day = LocalDate.now(BERLIN).plusDays(3).with(TemporalAdjusters.nextOrSame(weekday));
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId",
                                location,
                                "weekday",
                                weekday.getValue(),
                                "startTime",
                                "09:00",
                                "endTime",
                                "17:00"))),
                t);
        UUID service = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                serviceName,
                                "durationMinutes",
                                60,
                                "priceAmount",
                                5000,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(owner.userId())),
                        t)
                .id();
        return new Clinic(service, day);
    }

    @Test
    void bookedMovedCancelledAndRemindedAtTheNewTimeOnly() throws Exception {
        Owner owner = ownerWithOrganization("Appointment notices");
        String t = owner.token();
        api.put(
                "/api/v1/notifications/settings",
                Map.of("reminderOffsetMinutes", List.of(120), "disabledCategories", List.of()),
                t);
        Clinic clinic = clinic(owner, "Facial", DayOfWeek.TUESDAY);
        UUID service = clinic.service();
        LocalDate day = clinic.day();
        String email = uniqueEmail("facial");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Mia", "lastName", "Skin", "email", email), t)
                .id();
        OffsetDateTime start = day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toOffsetDateTime();
        Api.Response booked = api.post(
                "/api/v1/appointments", Map.of("serviceId", service, "clientId", client, "start", start.toString()), t);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        UUID appointment = booked.id();

        String pending = "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'pending'";
        await(pending, appointment, 1);
        await(
                "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'appointment.booked'",
                client,
                1);

        OffsetDateTime moved = day.atTime(LocalTime.of(14, 0)).atZone(BERLIN).toOffsetDateTime();
        Api.Response r = api.post(
                "/api/v1/appointments/" + appointment + "/reschedule", Map.of("newStart", moved.toString()), t);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        await(
                "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'appointment.rescheduled'",
                client,
                1);
        await(
                "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND status = 'pending'"
                        + " AND starts_at = '" + moved + "'",
                appointment,
                1);

        // at the old time's 2-hour reminder nothing goes out; at the new time's, one reminder
        clock.fixAt(start.minusHours(2).plusSeconds(30).toInstant());
        reminderDispatch.dispatchBatch();
        String reminded =
                "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'appointment.reminder'";
        assertThat(count(reminded, client)).isZero();
        Instant twoHoursBeforeNew = moved.minusHours(2).toInstant();
        clock.fixAt(twoHoursBeforeNew.plusSeconds(30));
        reminderDispatch.dispatchBatch();
        reminderDispatch.dispatchBatch();
        assertThat(count(reminded, client)).isEqualTo(1);
        clock.reset();

        Api.Response cancelled =
                api.post("/api/v1/appointments/" + appointment + "/cancel", Map.of("reason", "ill"), t);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        await(
                "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'appointment.cancelled'",
                client,
                1);
        assertThat(count(pending, appointment)).isZero();
    }

    @Test
    void aFollowUpGoesSomeHoursAfterTheAppointmentEndedAndNotForACancelledOne() throws Exception {
        Owner owner = ownerWithOrganization("Follow-ups");
        String t = owner.token();
        Api.Response settings = api.put(
                "/api/v1/notifications/settings",
                Map.of(
                        "reminderOffsetMinutes",
                        List.of(120),
                        "disabledCategories",
                        List.of(),
                        "appointmentFollowUpHours",
                        2),
                t);
        assertThat(settings.field("appointmentFollowUpHours")).isEqualTo("2");
        Clinic clinic = clinic(owner, "Massage", DayOfWeek.WEDNESDAY);
        UUID service = clinic.service();
        LocalDate day = clinic.day();
        UUID client = api.post(
                        "/api/v1/clients", Map.of("firstName", "Fu", "lastName", "Up", "email", uniqueEmail("fu")), t)
                .id();
        OffsetDateTime nine = day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toOffsetDateTime();
        UUID kept = api.post(
                        "/api/v1/appointments",
                        Map.of("serviceId", service, "clientId", client, "start", nine.toString()),
                        t)
                .id();
        UUID cancelled = api.post(
                        "/api/v1/appointments",
                        Map.of(
                                "serviceId",
                                service,
                                "clientId",
                                client,
                                "start",
                                nine.plusHours(3).toString()),
                        t)
                .id();
        String followUps =
                "SELECT count(*) FROM notification_reminders WHERE entity_id = :id AND kind = 'follow_up' AND status = 'pending'";
        await(followUps, kept, 1);
        await(followUps, cancelled, 1);
        Instant due = jdbc.sql("SELECT due_at FROM notification_reminders WHERE entity_id = :id AND kind = 'follow_up'")
                .param("id", kept)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(due).isEqualTo(nine.plusHours(1).plusHours(2).toInstant());
        api.post("/api/v1/appointments/" + cancelled + "/cancel", Map.of("reason", "ill"), t);
        await(followUps, cancelled, 0);

        clock.fixAt(due.plusSeconds(30));
        reminderDispatch.dispatchBatch();
        reminderDispatch.dispatchBatch();
        String sent =
                "SELECT count(*) FROM notification_deliveries WHERE client_id = :id AND type = 'appointment.follow_up'";
        assertThat(count(sent, client)).isEqualTo(1);
        clock.reset();
    }
}
