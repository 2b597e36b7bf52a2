package io.wellbase.scheduling.internal.classes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionStatusTests {

    @Test
    void aScheduledSessionMayBeCancelledAndACancelledOneNeverMoves() {
        assertThat(SessionStatus.SCHEDULED.canBecome(SessionStatus.CANCELLED)).isTrue();
        assertThat(SessionStatus.SCHEDULED.canBecome(SessionStatus.SCHEDULED))
                .as("no move to where it is")
                .isFalse();
        for (SessionStatus any : SessionStatus.values()) {
            assertThat(SessionStatus.CANCELLED.canBecome(any))
                    .as("cancelled -> " + any)
                    .isFalse();
        }
        assertThat(SessionStatus.CANCELLED.reachableFrom()).containsExactly("scheduled");
        assertThat(SessionStatus.SCHEDULED.reachableFrom())
                .as("a cancelled session is not rescheduled")
                .isEmpty();
    }

    @Test
    void theStoredValuesAreTheLowerCaseNamesAndAFilterMustBeOneExactly() {
        assertThat(SessionStatus.CANCELLED.value()).isEqualTo("cancelled");
        assertThat(SessionStatus.of("scheduled")).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(SessionStatus.parse("cancelled")).contains(SessionStatus.CANCELLED);
        assertThat(SessionStatus.parse("CANCELLED"))
                .as("the API's values are lower case")
                .isEmpty();
        assertThat(SessionStatus.parse("")).isEmpty();
        assertThat(SessionStatus.parse("deleted")).isEmpty();
    }
}
