package io.wellbase.billing.internal.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.billing.internal.BillingSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dunning policy's days, worked by hand. */
class DunningPolicyTests {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
    private static final BillingSettings.Settings DEFAULT = BillingSettings.DEFAULTS;

    @Test
    void retriesFallOnTheDaysAfterTheFirstFailure() {
        assertThat(DunningCases.next(DEFAULT, FIRST, 1, FIRST, FIRST.minusDays(1))
                        .retryOn())
                .isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(DunningCases.next(DEFAULT, FIRST, 2, FIRST.plusDays(2), FIRST.minusDays(1))
                        .retryOn())
                .isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(DunningCases.next(DEFAULT, FIRST, 3, FIRST.plusDays(5), FIRST.minusDays(1))
                        .retryOn())
                .isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void afterTheLastRetryTheGraceRunsFromToday() {
        var next = DunningCases.next(DEFAULT, FIRST, 4, FIRST.plusDays(9), FIRST.minusDays(1));
        assertThat(next.retryOn()).isNull();
        assertThat(next.lapsesOn()).isEqualTo(LocalDate.of(2026, 12, 13));
    }

    @Test
    void neverLapsesOnOrBeforeTheLastPaidDay() {
        var noGrace = new BillingSettings.Settings("", 0, null, null, List.of(), 0, "cancel");
        // paid through the 20th: a failure on the 1st with no retries and no grace lapses on the 21st
        var next = DunningCases.next(noGrace, FIRST, 1, FIRST, LocalDate.of(2026, 12, 20));
        assertThat(next.lapsesOn()).isEqualTo(LocalDate.of(2026, 12, 21));
    }

    @Test
    void aRetryDayAlreadyPastIsToday() {
        // the job did not run for a week: the retry due on the 3rd happens on the 8th, not in the past
        assertThat(DunningCases.next(DEFAULT, FIRST, 1, FIRST.plusDays(7), FIRST.minusDays(1))
                        .retryOn())
                .isEqualTo(FIRST.plusDays(7));
    }
}
