package io.wellbase.insights.internal.engagement;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.wellbase.insights.internal.OrganizationDays;
import io.wellbase.scheduling.SchedulingEvents;
import java.time.LocalTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Keeps engagement scores current: every organization's nightly, and a client's own after each check-in (not
 * after each booking, which would put a statement more on the booking path's listener).
 */
@Configuration(proxyBeanMethods = false)
class EngagementUpdates {

    private static final Logger log = LoggerFactory.getLogger(EngagementUpdates.class);

    private final EngagementScores scores;
    private final OrganizationDays days;

    EngagementUpdates(EngagementScores scores, OrganizationDays days) {
        this.scores = scores;
        this.days = days;
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.ClientCheckedIn event) {
        scores.compute(event.organizationId(), days.today(event.organizationId()), event.clientId());
    }

    @Bean
    RecurringTask<Void> engagementNightly(JdbcClient jdbc) {
        return Tasks.recurring("insights-engagement", Schedules.daily(LocalTime.of(3, 45)))
                .execute((instance, context) -> {
                    for (UUID org : jdbc.sql("SELECT org_id FROM report_organizations")
                            .query(UUID.class)
                            .list()) {
                        try {
                            scores.compute(org, days.today(org), null);
                        } catch (RuntimeException e) {
                            log.warn("engagement scores failed for organization {}", org, e);
                        }
                    }
                });
    }
}
