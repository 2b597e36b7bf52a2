package io.wellbase.scheduling.internal.appointments;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.web.ApiException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's weekly working hours per location, and their time off.
 */
@Service
class StaffHours {

    private final JdbcClient jdbc;
    private final Locations locations;
    private final AuditTrail audit;

    StaffHours(JdbcClient jdbc, Locations locations, AuditTrail audit) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.audit = audit;
    }

    /** One block of working hours, local to the location. */
    record Block(UUID locationId, int weekday, LocalTime startTime, LocalTime endTime) {}

    /** A period away. */
    record TimeOff(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {}

    @Transactional(readOnly = true)
    List<Block> hours(UUID orgId, UUID staffId) {
        requireStaff(orgId, staffId);
        return jdbc.sql("""
                SELECT location_id, weekday, start_time, end_time FROM staff_working_hours
                WHERE org_id = :org AND staff_id = :staff ORDER BY weekday, start_time
                """)
                .param("org", orgId)
                .param("staff", staffId)
                .query(Rows.of(Block.class))
                .list();
    }

    @Transactional
    List<Block> replaceHours(UUID orgId, UUID staffId, List<Block> blocks) {
        requireStaff(orgId, staffId);
        for (Block b : blocks) {
            if (b.weekday() < 1 || b.weekday() > 7 || !b.endTime().isAfter(b.startTime())) {
                throw ApiException.invalidField("hours", "each block needs a weekday 1-7 and an end after its start");
            }
            locations
                    .find(orgId, b.locationId())
                    .orElseThrow(() ->
                            ApiException.invalidField("hours.locationId", "must be a location of this organization"));
        }
        List<Block> before = hours(orgId, staffId);
        jdbc.sql("DELETE FROM staff_working_hours WHERE org_id = :org AND staff_id = :staff")
                .param("org", orgId)
                .param("staff", staffId)
                .update();
        for (Block b : blocks) {
            jdbc.sql("""
                    INSERT INTO staff_working_hours (id, org_id, staff_id, location_id, weekday, start_time, end_time)
                    VALUES (:id, :org, :staff, :location, :weekday, :start, :end)
                    """)
                    .param("id", Ids.newId())
                    .param("org", orgId)
                    .param("staff", staffId)
                    .param("location", b.locationId())
                    .param("weekday", b.weekday())
                    .param("start", b.startTime())
                    .param("end", b.endTime())
                    .update();
        }
        audit.record(AuditRecord.of(
                orgId,
                "staff.working_hours_replaced",
                "staff",
                staffId,
                Map.of("hours", new AuditChange(before.size(), blocks.size()))));
        return hours(orgId, staffId);
    }

    /** One-off extra hours on a date. */
    record ExtraHours(UUID id, UUID locationId, java.time.LocalDate onDate, LocalTime startTime, LocalTime endTime) {}

    @Transactional(readOnly = true)
    List<ExtraHours> extraHours(UUID orgId, UUID staffId) {
        requireStaff(orgId, staffId);
        return jdbc.sql("""
                SELECT id, location_id, on_date, start_time, end_time FROM staff_extra_hours
                WHERE org_id = :org AND staff_id = :staff AND on_date >= current_date - 30 ORDER BY on_date, start_time
                """)
                .param("org", orgId)
                .param("staff", staffId)
                .query(Rows.of(ExtraHours.class))
                .list();
    }

    @Transactional
    ExtraHours addExtraHours(UUID orgId, UUID staffId, ExtraHours e) {
        requireStaff(orgId, staffId);
        if (!e.endTime().isAfter(e.startTime())) {
            throw ApiException.invalidField("endTime", "must be after startTime");
        }
        locations
                .find(orgId, e.locationId())
                .orElseThrow(() -> ApiException.invalidField("locationId", "must be a location of this organization"));
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO staff_extra_hours (id, org_id, staff_id, location_id, on_date, start_time, end_time)
                VALUES (:id, :org, :staff, :location, :date, :start, :end)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("staff", staffId)
                .param("location", e.locationId())
                .param("date", e.onDate())
                .param("start", e.startTime())
                .param("end", e.endTime())
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "staff.extra_hours_added",
                "staff",
                staffId,
                Map.of("extraHours", new AuditChange(null, e.onDate() + " " + e.startTime() + "-" + e.endTime()))));
        return new ExtraHours(id, e.locationId(), e.onDate(), e.startTime(), e.endTime());
    }

    @Transactional
    void removeExtraHours(UUID orgId, UUID staffId, UUID id) {
        if (jdbc.sql("DELETE FROM staff_extra_hours WHERE org_id = :org AND staff_id = :staff AND id = :id")
                        .param("org", orgId)
                        .param("staff", staffId)
                        .param("id", id)
                        .update()
                == 0) {
            throw ApiException.notFound("Extra hours");
        }
        audit.record(AuditRecord.of(orgId, "staff.extra_hours_removed", "staff", staffId, Map.of()));
    }

    @Transactional(readOnly = true)
    List<TimeOff> timeOff(UUID orgId, UUID staffId) {
        requireStaff(orgId, staffId);
        return jdbc.sql("""
                SELECT id, starts_at, ends_at, reason FROM staff_time_off WHERE org_id = :org AND staff_id = :staff
                ORDER BY starts_at
                """)
                .param("org", orgId)
                .param("staff", staffId)
                .query(Rows.of(TimeOff.class))
                .list();
    }

    @Transactional
    TimeOff addTimeOff(UUID orgId, UUID staffId, OffsetDateTime from, OffsetDateTime to, String reason) {
        requireStaff(orgId, staffId);
        if (!to.isAfter(from)) {
            throw ApiException.invalidField("endsAt", "must be after startsAt");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO staff_time_off (id, org_id, staff_id, starts_at, ends_at, reason)
                VALUES (:id, :org, :staff, :from, :to, :reason)
                """)
                .param("id", id)
                .param("org", orgId)
                .param("staff", staffId)
                .param("from", from)
                .param("to", to)
                .param("reason", reason)
                .update();
        audit.record(AuditRecord.of(
                orgId,
                "staff.time_off_added",
                "staff",
                staffId,
                Map.of("timeOff", new AuditChange(null, from + ".." + to))));
        return new TimeOff(id, from, to, reason);
    }

    @Transactional
    void removeTimeOff(UUID orgId, UUID staffId, UUID id) {
        if (jdbc.sql("DELETE FROM staff_time_off WHERE org_id = :org AND staff_id = :staff AND id = :id")
                        .param("org", orgId)
                        .param("staff", staffId)
                        .param("id", id)
                        .update()
                == 0) {
            throw ApiException.notFound("Time off");
        }
        audit.record(AuditRecord.of(orgId, "staff.time_off_removed", "staff", staffId, Map.of()));
    }

    private void requireStaff(UUID orgId, UUID staffId) {
        if (!locations.isStaff(orgId, staffId)) {
            throw ApiException.notFound("Staff member");
        }
    }
}
