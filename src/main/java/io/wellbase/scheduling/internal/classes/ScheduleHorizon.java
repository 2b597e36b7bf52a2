package io.wellbase.scheduling.internal.classes;

import io.wellbase.scheduling.SessionHorizon;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The horizon job's work for one organization, for callers that just created schedules (imports). */
@Service
class ScheduleHorizon implements SessionHorizon {

    private final JdbcClient jdbc;
    private final Schedules schedules;

    ScheduleHorizon(JdbcClient jdbc, Schedules schedules) {
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    @Override
    public int extend(UUID organizationId) {
        LocalDate until = schedules.horizon();
        return jdbc.sql("""
                SELECT id FROM class_schedules WHERE org_id = :org AND archived_at IS NULL
                  AND (last_date IS NULL OR last_date >= current_date)
                """).param("org", organizationId).query(UUID.class).list().stream()
                .mapToInt(id -> schedules.generate(organizationId, id, until))
                .sum();
    }
}
