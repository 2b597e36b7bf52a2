package io.wellbase.billing.internal.proration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Proration examples worked by hand (amounts in cents, both ends of a period included). */
class ProrationTests {

    @Test
    void anUpgradeTenDaysIntoAThirtyDayMonth() {
        // November: 30 days; from the 11th, 20 are left. Old 90.00 → credit 90 × 20/30 = 60.00;
        // new 150.00 → charge 150 × 20/30 = 100.00; due 40.00
        var p = Proration.of(
                9000, 15000, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 11));
        assertThat(p.daysInPeriod()).isEqualTo(30);
        assertThat(p.daysLeft()).isEqualTo(20);
        assertThat(p.credit()).isEqualTo(6000);
        assertThat(p.charge()).isEqualTo(10000);
        assertThat(p.due()).isEqualTo(4000);
    }

    @Test
    void aDowngradeIsACredit() {
        var p = Proration.of(
                15000, 9000, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 11));
        assertThat(p.due()).isEqualTo(-4000);
    }

    @Test
    void sharesAreRoundedHalfUpEachOnItsOwn() {
        // December: 31 days; from the 17th, 15 are left. 89.00 × 15/31 = 43.0645… → 43.06;
        // 129.00 × 15/31 = 62.4193… → 62.42; due 19.36
        var p = Proration.of(
                8900, 12900, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 17));
        assertThat(p.credit()).isEqualTo(4306);
        assertThat(p.charge()).isEqualTo(6242);
        assertThat(p.due()).isEqualTo(1936);
        // exactly half a cent rounds up: 1.00 × 1/8 = 0.125 → 0.13
        var half = Proration.of(0, 100, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 8));
        assertThat(half.charge()).isEqualTo(13);
    }

    @Test
    void theFirstDayIsTheWholePeriodAndTheLastDayOneDay() {
        var first =
                Proration.of(3000, 6000, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 1));
        assertThat(first.daysLeft()).isEqualTo(30);
        assertThat(first.due()).isEqualTo(3000);
        var last = Proration.of(
                3000, 6000, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30));
        assertThat(last.daysLeft()).isEqualTo(1);
        assertThat(last.due()).isEqualTo(100);
    }

    @Test
    void aLeapFebruaryHasTwentyNineDays() {
        // February 2028: 29 days; from the 15th, 15 are left. 58.00 × 15/29 = 30.00; 87.00 × 15/29 = 45.00
        var p = Proration.of(
                5800, 8700, LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 15));
        assertThat(p.daysInPeriod()).isEqualTo(29);
        assertThat(p.credit()).isEqualTo(3000);
        assertThat(p.charge()).isEqualTo(4500);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> Proration.of(
                        1, 2, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
