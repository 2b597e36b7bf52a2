package io.wellbase.care.internal.skin;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job that measures a queued skin analysis on a worker (db-scheduler: retried if the node stops). */
@Configuration(proxyBeanMethods = false)
class SkinJob {

    private final OneTimeTask<Void> task;

    SkinJob(ObjectProvider<SkinAnalyses> analyses) {
        this.task = Tasks.oneTime("care-skin-analysis")
                .execute((instance, context) -> analyses.getObject().run(UUID.fromString(instance.getId())));
    }

    OneTimeTask<Void> task() {
        return task;
    }

    @Bean
    OneTimeTask<Void> careSkinAnalysisTask() {
        return task;
    }
}
