package io.wellbase.insights.internal.churn;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.wellbase.insights.internal.OrganizationDays;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every night: each organization with bookings is scored again, and its model trained again when it is a week
 * old. One organization failing does not stop the others.
 */
@Configuration(proxyBeanMethods = false)
class ChurnJob {

    private static final Logger log = LoggerFactory.getLogger(ChurnJob.class);

    @Bean
    RecurringTask<Void> churnNightly(
            ChurnPredictions predictions, JdbcClient jdbc, Clock clock, OrganizationDays days) {
        return Tasks.recurring("insights-churn", Schedules.daily(LocalTime.of(3, 15)))
                .execute((instance, context) -> {
                    var orgs = jdbc.sql("""
                            SELECT o.org_id FROM report_organizations o
                            WHERE EXISTS (SELECT 1 FROM report_bookings b WHERE b.org_id = o.org_id)
                            """).query(UUID.class).list();
                    for (UUID id : orgs) {
                        LocalDate today = days.today(id);
                        try {
                            boolean stale = predictions
                                    .model(id)
                                    .map(m -> m.trainedAt()
                                            .isBefore(clock.instant()
                                                    .atOffset(java.time.ZoneOffset.UTC)
                                                    .minus(Duration.ofDays(7))))
                                    .orElse(true);
                            if (stale) {
                                predictions.train(id, today);
                            }
                            predictions.score(id, today);
                        } catch (RuntimeException e) {
                            log.warn("churn scoring failed for organization {}", id, e);
                        }
                    }
                });
    }
}
