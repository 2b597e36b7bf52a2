package io.wellbase.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.wellbase.platform.data.AfterCommit;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;

/**
 * Queues one-time jobs (imports, exports, reports) in db-scheduler's table, inside the caller's
 * transaction: the job's own row, its audit entry and its queue entry commit together or not at all.
 * Works on every node: a worker node (this one, or another) picks the job up; this node's scheduler,
 * if it runs one, is woken once the transaction commits.
 */
@Service
public class BackgroundJobs {

    private final ObjectProvider<Scheduler> scheduler;
    private final SchedulerClient client;

    BackgroundJobs(ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
        this.scheduler = scheduler;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .tableName("scheduled_tasks")
                .build();
    }

    /** Runs the task for this id as soon as a worker is free; a second call for the same id does nothing. */
    public void runSoon(OneTimeTask<Void> task, UUID id) {
        client.scheduleIfNotExists(task.instance(id.toString()), Instant.now());
        AfterCommit.run(() -> {
            Scheduler running = scheduler.getIfAvailable();
            if (running != null) {
                running.triggerCheckForDueExecutions();
            }
        });
    }
}
