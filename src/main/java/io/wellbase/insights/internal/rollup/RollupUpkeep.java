package io.wellbase.insights.internal.rollup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.wellbase.dataexchange.JobFinished;
import io.wellbase.insights.internal.OrganizationDays;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Keeps the rollups current beside {@link RollupCorrections} (which follows the events): nightly, each
 * organization's last 35 days are counted again (a no-show marked by the job or a past session edited by hand
 * publishes no event; the watermark moves to the last closed day); after a completed import, its organization's
 * whole history (imports write any day).
 */
@Configuration(proxyBeanMethods = false)
class RollupUpkeep {

    static final int RECENT_DAYS = 35;
    private static final Logger log = LoggerFactory.getLogger(RollupUpkeep.class);

    private final Rollups rollups;
    private final OrganizationDays days;

    RollupUpkeep(Rollups rollups, OrganizationDays days) {
        this.rollups = rollups;
        this.days = days;
    }

    @ApplicationModuleListener
    void on(JobFinished job) {
        if (job.kind().equals("import") && job.status().equals("completed")) {
            rollups.rebuildAll(job.organizationId(), days.today(job.organizationId()));
        }
    }

    @Bean
    RecurringTask<Void> rollupsNightly(JdbcClient jdbc) {
        return Tasks.recurring("insights-rollups", Schedules.daily(LocalTime.of(2, 30)))
                .execute((instance, context) -> {
                    var orgs = jdbc.sql("SELECT DISTINCT org_id FROM report_class_sessions")
                            .query(UUID.class)
                            .list();
                    for (UUID org : orgs) {
                        try {
                            LocalDate today = days.today(org);
                            rollups.rebuildRecent(org, today.minusDays(RECENT_DAYS), today);
                        } catch (RuntimeException e) {
                            log.warn("rollups failed for organization {}", org, e);
                        }
                    }
                });
    }
}
