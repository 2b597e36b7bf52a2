package io.wellbase.dataexchange.internal.reports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports run as db-scheduler one-time tasks (instance id = report id), on any node, again after a crash. */
@Configuration(proxyBeanMethods = false)
class ReportTask {

    @Bean
    OneTimeTask<Void> reportRunTask(ReportRunner runner) {
        return Tasks.oneTime("report").execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }
}
