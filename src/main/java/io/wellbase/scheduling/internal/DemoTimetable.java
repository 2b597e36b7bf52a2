package io.wellbase.scheduling.internal;

import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import io.wellbase.platform.security.Role;
import io.wellbase.scheduling.internal.appointments.Appointments;
import io.wellbase.scheduling.internal.appointments.ServiceCatalog;
import io.wellbase.scheduling.internal.classes.ClassTypes;
import io.wellbase.scheduling.internal.classes.Recurrence;
import io.wellbase.scheduling.internal.classes.Schedules;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo studio's timetable: class types, weekly schedules taught by the demo staff (generated
 * ahead), services with working hours, and 12 months of past classes with bookings, attendance,
 * late cancels and no-shows by the demo clients. Deterministic and idempotent.
 */
@Component
class DemoTimetable implements DemoDataContributor {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ClassTypes classTypes;
    private final Schedules schedules;
    private final ServiceCatalog services;
    private final Appointments appointments;
    private final Locations locations;
    private final ClientDirectory clients;
    private final DemoStudio studio;

    DemoTimetable(
            JdbcClient jdbc,
            JdbcTemplate batch,
            ClassTypes classTypes,
            Schedules schedules,
            ServiceCatalog services,
            Appointments appointments,
            Locations locations,
            ClientDirectory clients,
            DemoStudio studio) {
        this.studio = studio;
        this.locations = locations;
        this.clients = clients;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.batch = batch;
        this.classTypes = classTypes;
        this.schedules = schedules;
        this.services = services;
    }

    @Override
    public int order() {
        return 40;
    }

    private record Plan(
            String name,
            int minutes,
            int capacity,
            String category,
            String color,
            int location,
            List<Integer> weekdays,
            LocalTime start) {}

    private static final List<Plan> TIMETABLE = List.of(
            new Plan("Vinyasa Flow", 60, 20, "yoga", "#2E7D32", 0, List.of(1, 3, 5), LocalTime.of(7, 0)),
            new Plan("Vinyasa Flow", 60, 20, "yoga", "#2E7D32", 1, List.of(2, 4), LocalTime.of(18, 30)),
            new Plan("Yin Yoga", 75, 20, "yoga", "#6A1B9A", 0, List.of(3, 7), LocalTime.of(19, 0)),
            new Plan("Reformer Pilates", 50, 8, "pilates", "#00838F", 1, List.of(1, 2, 4, 6), LocalTime.of(9, 0)),
            new Plan("HIIT Express", 45, 15, "fitness", "#C62828", 1, List.of(1, 3), LocalTime.of(12, 15)),
            new Plan("Prenatal Yoga", 60, 12, "yoga", "#AD1457", 0, List.of(6), LocalTime.of(10, 30)),
            new Plan("Guided Meditation", 30, 25, "mindfulness", "#455A64", 0, List.of(2, 5), LocalTime.of(12, 30)));

    @Override
    @Transactional
    public void contribute() {
        UUID orgId = studio.withoutRowsIn(jdbc, "class_types")
                .map(DemoStudio.Studio::id)
                .orElse(null);
        if (orgId == null) {
            return;
        }
        List<UUID> locations = this.locations.activeLocations(orgId);
        List<UUID> staff = this.locations.staff(orgId).stream()
                .filter(m -> m.role() == Role.STAFF || m.role() == Role.MANAGER)
                .map(Locations.StaffMember::userId)
                .sorted()
                .toList();
        List<UUID> clients = this.clients.listing(orgId).stream()
                .filter(c -> List.of("active", "inactive", "churned").contains(c.status()))
                .map(ClientDirectory.ClientListing::id)
                .sorted()
                .toList();
        if (locations.isEmpty() || staff.isEmpty()) {
            return;
        }
        Random random = new Random(20261123L);
        Map<String, UUID> types = new java.util.HashMap<>();
        List<Object[]> sessions = new ArrayList<>();
        List<Object[]> bookings = new ArrayList<>();
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(zone);
        int index = 0;
        for (Plan p : TIMETABLE) {
            UUID type = types.computeIfAbsent(
                    p.name(),
                    n -> classTypes
                            .create(
                                    orgId,
                                    new ClassTypes.ClassType(
                                            null,
                                            n,
                                            null,
                                            p.category(),
                                            p.minutes(),
                                            p.capacity(),
                                            p.color(),
                                            "all levels"))
                            .id());
            UUID location = locations.get(p.location() % locations.size());
            UUID instructor = staff.get(index++ % staff.size());
            UUID schedule = schedules
                    .create(
                            orgId,
                            new Schedules.Schedule(
                                    null,
                                    type,
                                    location,
                                    null,
                                    p.weekdays(),
                                    p.start(),
                                    p.minutes(),
                                    p.capacity(),
                                    List.of(instructor),
                                    today.minusYears(1),
                                    null,
                                    null))
                    .schedule()
                    .id();
            var days = EnumSet.noneOf(DayOfWeek.class);
            p.weekdays().forEach(d -> days.add(DayOfWeek.of(d)));
            for (Recurrence.Occurrence o : Recurrence.expand(
                    days,
                    p.start(),
                    p.minutes(),
                    zone,
                    today.minusYears(1),
                    null,
                    today.minusYears(1),
                    today.minusDays(1))) {
                UUID session = Ids.newId();
                List<UUID> attendees = new ArrayList<>(clients);
                Collections.shuffle(attendees, random);
                int wanted = clients.isEmpty() ? 0 : (int) Math.round(p.capacity() * (0.4 + random.nextDouble() * 0.6));
                int seats = 0;
                for (UUID client : attendees.subList(0, Math.min(wanted, attendees.size()))) {
                    double roll = random.nextDouble();
                    String status = roll < 0.80
                            ? "attended"
                            : roll < 0.87 ? "late_cancelled" : roll < 0.92 ? "no_show" : "cancelled";
                    if (status.equals("attended") || status.equals("no_show")) {
                        seats++;
                    }
                    Timestamp start = Timestamp.from(o.startsAt().toInstant());
                    bookings.add(new Object[] {
                        Ids.newId(),
                        orgId,
                        session,
                        client,
                        status,
                        start,
                        status.equals("attended") ? start : null,
                        status.contains("cancel")
                                ? Timestamp.from(o.startsAt()
                                        .toInstant()
                                        .minusSeconds(3600 * (status.equals("cancelled") ? 48 : 3)))
                                : null
                    });
                }
                sessions.add(new Object[] {
                    session,
                    orgId,
                    type,
                    schedule,
                    location,
                    Timestamp.from(o.startsAt().toInstant()),
                    Timestamp.from(o.endsAt().toInstant()),
                    o.localDate(),
                    p.capacity(),
                    seats,
                    instructor
                });
            }
        }
        batch.batchUpdate("""
                INSERT INTO class_sessions (id, org_id, class_type_id, schedule_id, location_id, starts_at, ends_at, local_date,
                    capacity, confirmed_count, instructor_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (schedule_id, local_date) DO NOTHING
                """, sessions);
        batch.batchUpdate("""
                INSERT INTO bookings (id, org_id, session_id, client_id, status, created_at, checked_in_at, cancelled_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS timestamptz) - interval '3 days', CAST(? AS timestamptz), CAST(? AS timestamptz))
                """, bookings);
        UUID massage = services.create(
                        orgId,
                        new ServiceCatalog.ServiceType(
                                null,
                                "Sports massage",
                                "Deep tissue, 60 minutes",
                                60,
                                0,
                                15,
                                8500,
                                "EUR",
                                false,
                                List.of(staff.getFirst()),
                                List.of(locations.getFirst())))
                .id();
        services.create(
                orgId,
                new ServiceCatalog.ServiceType(
                        null,
                        "Private Pilates",
                        "One-to-one on the reformer",
                        55,
                        5,
                        10,
                        9500,
                        "EUR",
                        true,
                        staff.subList(0, Math.min(2, staff.size())),
                        List.of()));
        for (UUID member : staff) {
            for (int weekday = 1; weekday <= 5; weekday++) {
                jdbc.sql("""
                        INSERT INTO staff_working_hours (id, org_id, staff_id, location_id, weekday, start_time, end_time)
                        VALUES (:id, :org, :staff, :location, :weekday, '13:00', '18:00')
                        """)
                        .param("id", Ids.newId())
                        .param("org", orgId)
                        .param("staff", member)
                        .param("location", locations.getFirst())
                        .param("weekday", weekday)
                        .update();
            }
        }
        LocalDate day = today.plusDays(1);
        for (int i = 0; i < 6 && !clients.isEmpty(); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() > 5) {
                continue;
            }
            var start = day.atTime(14, 0).atZone(zone).toOffsetDateTime();
            appointments.book(
                    orgId,
                    massage,
                    staff.getFirst(),
                    clients.get(i * 7 % clients.size()),
                    start,
                    "Demo appointment",
                    true,
                    null);
            i++;
        }
    }
}
