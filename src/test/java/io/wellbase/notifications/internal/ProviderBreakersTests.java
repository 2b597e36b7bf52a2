package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderBreakersTests {

    private final ProviderBreakers breakers = new ProviderBreakers();
    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void opensAfterFiveFailuresInARowLetsOneTrialThroughAfterThePauseAndClosesOnSuccess() {
        for (int i = 0; i < ProviderBreakers.FAILURES_TO_OPEN - 1; i++) {
            assertThat(breakers.allows(Channel.SMS, t0)).isTrue();
            breakers.failed(Channel.SMS, t0);
        }
        assertThat(breakers.state(Channel.SMS, t0)).isEqualTo(ProviderBreakers.State.CLOSED);
        breakers.failed(Channel.SMS, t0);
        assertThat(breakers.state(Channel.SMS, t0)).isEqualTo(ProviderBreakers.State.OPEN);
        assertThat(breakers.allows(Channel.SMS, t0.plusSeconds(29))).isFalse();
        assertThat(breakers.retryAt(Channel.SMS)).isEqualTo(t0.plus(ProviderBreakers.OPEN_FOR));
        assertThat(breakers.allows(Channel.EMAIL, t0))
                .as("other channels are not held")
                .isTrue();

        Instant later = t0.plus(ProviderBreakers.OPEN_FOR);
        assertThat(breakers.state(Channel.SMS, later)).isEqualTo(ProviderBreakers.State.HALF_OPEN);
        assertThat(breakers.allows(Channel.SMS, later)).as("one trial").isTrue();
        assertThat(breakers.allows(Channel.SMS, later)).as("only one at a time").isFalse();
        breakers.succeeded(Channel.SMS);
        assertThat(breakers.state(Channel.SMS, later)).isEqualTo(ProviderBreakers.State.CLOSED);
        assertThat(breakers.allows(Channel.SMS, later)).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgain() {
        for (int i = 0; i < ProviderBreakers.FAILURES_TO_OPEN; i++) {
            breakers.failed(Channel.PUSH, t0);
        }
        Instant later = t0.plus(ProviderBreakers.OPEN_FOR);
        assertThat(breakers.allows(Channel.PUSH, later)).isTrue();
        breakers.failed(Channel.PUSH, later);
        assertThat(breakers.state(Channel.PUSH, later.plusSeconds(1))).isEqualTo(ProviderBreakers.State.OPEN);
        assertThat(breakers.retryAt(Channel.PUSH)).isEqualTo(later.plus(ProviderBreakers.OPEN_FOR));
    }

    @Test
    void aSuccessResetsTheCount() {
        for (int i = 0; i < ProviderBreakers.FAILURES_TO_OPEN - 1; i++) {
            breakers.failed(Channel.EMAIL, t0);
        }
        breakers.succeeded(Channel.EMAIL);
        breakers.failed(Channel.EMAIL, t0);
        assertThat(breakers.state(Channel.EMAIL, t0)).isEqualTo(ProviderBreakers.State.CLOSED);
    }
}
