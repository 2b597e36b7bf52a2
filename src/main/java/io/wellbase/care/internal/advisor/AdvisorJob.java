package io.wellbase.care.internal.advisor;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job that answers a queued advisor question on a worker (db-scheduler: retried if the node stops). */
@Configuration(proxyBeanMethods = false)
class AdvisorJob {

    private final ObjectProvider<Advisor> advisor;
    private final OneTimeTask<Void> task;

    AdvisorJob(ObjectProvider<Advisor> advisor) {
        this.advisor = advisor;
        this.task = Tasks.oneTime("care-advisor")
                .execute((instance, context) -> this.advisor.getObject().answer(UUID.fromString(instance.getId())));
    }

    OneTimeTask<Void> task() {
        return task;
    }

    @Bean
    OneTimeTask<Void> careAdvisorTask() {
        return task;
    }
}
