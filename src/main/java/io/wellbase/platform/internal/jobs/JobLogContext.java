package io.wellbase.platform.internal.jobs;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Every log line a background job writes names it: while a db-scheduler task runs, the MDC holds
 * {@code job=<task>/<instance>} (an import's, export's or report's id, or the recurring task's name), printed where
 * a request's id is printed.
 */
@Component
class JobLogContext implements ExecutionInterceptor {

    static final String MDC_KEY = "job";

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
        String before = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, "job=" + instance.getTaskName() + "/" + instance.getId());
        try {
            return chain.proceed(instance, context);
        } finally {
            if (before == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, before);
            }
        }
    }
}
