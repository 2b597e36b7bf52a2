package io.wellbase.dataexchange.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateOrderTests {

    @Test
    void aDateRepeatedOnConsecutiveRowsCountsEveryTime() {
        DateOrder.Evidence evidence = new DateOrder.Evidence();
        for (String date : new String[] {"13/02/2024", "13/02/2024", "13/02/2024", "02/14/2024", "02/15/2024"}) {
            evidence.see(date);
        }
        DateOrder.Decision decision = evidence.decide(null);
        assertThat(decision.order()).isEqualTo(DateOrder.DMY);
        assertThat(decision.note()).contains("3 dates are day-first and 2 month-first");
    }

    @Test
    void repeatedDottedAmbiguousDatesAreEuropean() {
        DateOrder.Evidence evidence = new DateOrder.Evidence();
        for (String date : new String[] {"03.04.2024", "03.04.2024", "03.04.2024", "05/06/2024", "not a date"}) {
            evidence.see(date);
        }
        assertThat(evidence.decide(null).order()).isEqualTo(DateOrder.DMY);
    }
}
