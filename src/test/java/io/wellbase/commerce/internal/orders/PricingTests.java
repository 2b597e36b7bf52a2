package io.wellbase.commerce.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The money rules of an order, against sums worked out by hand, and their invariants on random orders. */
class PricingTests {

    @Test
    void taxIsRoundedHalfUpPerLineAndTheLinesAddUp() {
        // 3 x 3.33 at 19 % = 9.99 -> tax 1.8981 -> 1.90; 1 x 0.05 at 7 % = 0.0035 -> 0.00
        Pricing.Priced p = Pricing.price(
                List.of(new Pricing.Line(333, 3, 1900), new Pricing.Line(5, 1, 700)), Pricing.Discount.NONE);
        assertThat(p.subtotal()).isEqualTo(1004);
        assertThat(p.lines()).extracting(Pricing.PricedLine::tax).containsExactly(190L, 0L);
        assertThat(p.tax()).isEqualTo(190);
        assertThat(p.total()).isEqualTo(1194);
        // exactly half a cent rounds up: 50 at 1 % = 0.5 -> 1
        assertThat(Pricing.price(List.of(new Pricing.Line(50, 1, 100)), Pricing.Discount.NONE)
                        .tax())
                .isEqualTo(1);
    }

    @Test
    void aDiscountIsSharedByGrossWithLargestRemainderAndTaxedAfter() {
        // 10.00 and 20.00, discount 1.00: shares 0.333.. and 0.666.. -> 33 and 67 (the larger remainder gets the cent)
        Pricing.Priced p = Pricing.price(
                List.of(new Pricing.Line(1000, 1, 1000), new Pricing.Line(2000, 1, 0)), new Pricing.Discount(100, 0));
        assertThat(p.lines()).extracting(Pricing.PricedLine::discount).containsExactly(33L, 67L);
        // tax 10 % of 9.67 = 0.967 -> 0.97
        assertThat(p.lines()).extracting(Pricing.PricedLine::tax).containsExactly(97L, 0L);
        assertThat(p.discount()).isEqualTo(100);
        assertThat(p.total()).isEqualTo(1000 - 33 + 97 + 2000 - 67);
        // 12.5 % of 9.99 = 1.24875 -> 1.25
        assertThat(Pricing.price(List.of(new Pricing.Line(999, 1, 0)), new Pricing.Discount(0, 1250))
                        .discount())
                .isEqualTo(125);
        // a discount above the subtotal gives the order away, never below zero
        assertThat(Pricing.price(List.of(new Pricing.Line(500, 2, 1900)), new Pricing.Discount(5000, 0))
                        .total())
                .isZero();
    }

    @Test
    void refundingEveryUnitGivesBackTheLineExactly() {
        // 3 units of a line totalling 10.00: 3.33, 3.34, 3.33 by running rounding
        assertThat(Pricing.refundOf(1000, 3, 0, 1)).isEqualTo(333);
        assertThat(Pricing.refundOf(1000, 3, 1, 1)).isEqualTo(334);
        assertThat(Pricing.refundOf(1000, 3, 2, 1)).isEqualTo(333);
        assertThat(Pricing.refundOf(1000, 3, 0, 3)).isEqualTo(1000);
    }

    @Test
    void onRandomOrdersTheSharesAndTotalsAlwaysAddUp() {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            int lines = 1 + random.nextInt(6);
            List<Pricing.Line> given = new java.util.ArrayList<>();
            for (int i = 0; i < lines; i++) {
                given.add(new Pricing.Line(random.nextInt(100_000), 1 + random.nextInt(20), random.nextInt(2500)));
            }
            Pricing.Discount d = random.nextBoolean()
                    ? new Pricing.Discount(random.nextInt(50_000), 0)
                    : new Pricing.Discount(0, random.nextInt(10_001));
            Pricing.Priced p = Pricing.price(given, d);
            assertThat(p.lines().stream()
                            .mapToLong(Pricing.PricedLine::discount)
                            .sum())
                    .isEqualTo(p.discount());
            assertThat(p.lines().stream().mapToLong(Pricing.PricedLine::tax).sum())
                    .isEqualTo(p.tax());
            assertThat(p.lines().stream().mapToLong(Pricing.PricedLine::total).sum())
                    .isEqualTo(p.total());
            assertThat(p.total()).isEqualTo(p.subtotal() - p.discount() + p.tax());
            assertThat(p.lines()).allSatisfy(l -> assertThat(l.discount()).isBetween(0L, l.gross()));
        }
    }
}
