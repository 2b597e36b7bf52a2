package io.wellbase.platform.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A job's log lines carry its task and instance; the MDC is as before once it ends, also when it fails. */
class JobLogContextTests {

    @Test
    void theJobIsNamedWhileItRunsAndForgottenAfter() {
        AtomicReference<String> seen = new AtomicReference<>();
        ExecutionChain chain = new ExecutionChain(List.of(), (instance, context) -> {
            seen.set(MDC.get(JobLogContext.MDC_KEY));
            return new CompletionHandler.OnCompleteRemove<>();
        });
        new JobLogContext().execute(new TaskInstance<>("client-import", "01a2-import"), null, chain);
        assertThat(seen.get()).isEqualTo("job=client-import/01a2-import");
        assertThat(MDC.get(JobLogContext.MDC_KEY)).isNull();
    }

    @Test
    void aFailingJobLeavesTheMdcAsItWas() {
        MDC.put(JobLogContext.MDC_KEY, "job=outer/1");
        try {
            ExecutionChain chain = new ExecutionChain(List.of(), (instance, context) -> {
                throw new IllegalStateException("boom");
            });
            try {
                new JobLogContext().execute(new TaskInstance<>("report", "2"), null, chain);
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("boom");
            }
            assertThat(MDC.get(JobLogContext.MDC_KEY)).isEqualTo("job=outer/1");
        } finally {
            MDC.remove(JobLogContext.MDC_KEY);
        }
    }
}
