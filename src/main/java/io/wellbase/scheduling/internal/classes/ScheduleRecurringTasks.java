package io.wellbase.scheduling.internal.classes;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps every active schedule generated 12 weeks ahead, and turns bookings of sessions that ended
 * without a check-in into no-shows (their credits are forfeited).
 */
@Configuration(proxyBeanMethods = false)
class ScheduleRecurringTasks {

    @Bean
    RecurringTask<Void> sessionHorizonTask(JdbcClient jdbc, Schedules schedules) {
        return Tasks.recurring("session-horizon", FixedDelay.of(Duration.ofHours(6)))
                .execute((instance, context) -> jdbc.sql("""
                        SELECT org_id, id FROM class_schedules WHERE archived_at IS NULL
                          AND (last_date IS NULL OR last_date >= current_date)
                        """)
                        .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                        .list()
                        .forEach(s -> schedules.generate(s[0], s[1], schedules.horizon())));
    }

    @Bean
    RecurringTask<Void> noShowTask(NoShows noShows) {
        return Tasks.recurring("no-shows", FixedDelay.of(Duration.ofMinutes(15)))
                .execute((instance, context) -> noShows.markEnded());
    }
}
