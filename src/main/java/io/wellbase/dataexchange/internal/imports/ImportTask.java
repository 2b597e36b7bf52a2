package io.wellbase.dataexchange.internal.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Imports run as db-scheduler one-time tasks (instance id = import id): on any node, and again
 * from the start when the node running one dies.
 */
@Configuration(proxyBeanMethods = false)
class ImportTask {

    static final String NAME = "data-import";

    @Bean
    OneTimeTask<Void> dataImportTask(ImportRunner runner) {
        return Tasks.oneTime(NAME).execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
    }
}
