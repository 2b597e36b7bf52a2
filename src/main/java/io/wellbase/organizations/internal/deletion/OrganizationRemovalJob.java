package io.wellbase.organizations.internal.deletion;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every 15 minutes, removes the organizations whose grace period is over (db-scheduler: one node at a time). An
 * organization whose removal fails is logged and tried again on the next run; the others go on.
 */
@Component
class OrganizationRemovalJob {

    private static final Logger log = LoggerFactory.getLogger(OrganizationRemovalJob.class);

    private final OrganizationRemover remover;

    OrganizationRemovalJob(OrganizationRemover remover) {
        this.remover = remover;
    }

    /** Answers how many organizations were removed. */
    int removeDue() {
        int removed = 0;
        for (UUID org : remover.dueOrganizations(20)) {
            try {
                remover.remove(org);
                removed++;
            } catch (RuntimeException e) {
                log.error("Organization {} could not be removed; the next run tries again", org, e);
            }
        }
        return removed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> organizationRemovalTask(OrganizationRemovalJob job) {
            return Tasks.recurring("organization-removal", FixedDelay.of(Duration.ofMinutes(15)))
                    .execute((instance, context) -> job.removeDue());
        }
    }
}
