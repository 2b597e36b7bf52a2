package io.wellbase.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Queues one-time jobs (imports, exports, reports) in db-scheduler's table. Works on every node:
 * where this node runs no scheduler ({@code WELLBASE_WORKER=false}) the job is only written to the
 * table, and a worker node picks it up.
 */
@Service
public class BackgroundJobs {

    private final ObjectProvider<Scheduler> scheduler;
    private final DataSource dataSource;
    private volatile SchedulerClient clientOnly;

    BackgroundJobs(ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
        this.scheduler = scheduler;
        this.dataSource = dataSource;
    }

    /** Runs the task for this id as soon as a worker is free; a second call for the same id does nothing. */
    public void runSoon(OneTimeTask<Void> task, UUID id) {
        client().scheduleIfNotExists(task.instance(id.toString()), Instant.now());
    }

    private SchedulerClient client() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            return running;
        }
        SchedulerClient client = clientOnly;
        if (client == null) {
            client = SchedulerClient.Builder.create(dataSource).tableName("scheduled_tasks").build();
            clientOnly = client;
        }
        return client;
    }
}
