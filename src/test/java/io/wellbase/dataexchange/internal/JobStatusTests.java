package io.wellbase.dataexchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobStatusTests {

    @Test
    void aJobMovesForwardOnlyAndAFinishedJobNeverMoves() {
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.PROCESSING)).isTrue();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.CANCELLED)).isTrue();
        assertThat(JobStatus.QUEUED.canBecome(JobStatus.COMPLETED))
                .as("not without running")
                .isFalse();
        assertThat(JobStatus.PROCESSING.canBecome(JobStatus.PROCESSING))
                .as("resumed after a dead node")
                .isTrue();
        assertThat(JobStatus.PROCESSING.canBecome(JobStatus.QUEUED)).isFalse();
        for (JobStatus done : new JobStatus[] {JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED}) {
            assertThat(done.finished()).isTrue();
            for (JobStatus any : JobStatus.values()) {
                assertThat(done.canBecome(any)).as(done + " -> " + any).isFalse();
            }
        }
        assertThatThrownBy(() -> JobStatus.COMPLETED.requireCanBecome(JobStatus.FAILED))
                .isInstanceOf(JobStatus.IllegalTransition.class)
                .hasMessageContaining("completed");
    }

    @Test
    void theStoredValuesAreTheLowerCaseNames() {
        assertThat(JobStatus.of("processing")).isEqualTo(JobStatus.PROCESSING);
        assertThat(JobStatus.CANCELLED.value()).isEqualTo("cancelled");
        assertThat(JobStatus.COMPLETED.reachableFrom()).containsExactly("processing");
        assertThat(JobStatus.CANCELLED.reachableFrom()).containsExactly("queued", "processing");
    }
}
