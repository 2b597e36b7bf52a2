package io.wellbase.scheduling.internal.classes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BookingStatusTests {

    @Test
    void aSeatOrAWaitlistPlaceMovesOnceAndFinalStatusesNeverMove() {
        assertThat(BookingStatus.WAITLISTED.canBecome(BookingStatus.CONFIRMED)).isTrue();
        assertThat(BookingStatus.WAITLISTED.canBecome(BookingStatus.ATTENDED))
                .as("checked in without a seat")
                .isFalse();
        assertThat(BookingStatus.WAITLISTED.canBecome(BookingStatus.LATE_CANCELLED))
                .as("no seat to cancel late")
                .isFalse();
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.ATTENDED)).isTrue();
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.NO_SHOW)).isTrue();
        assertThat(BookingStatus.CONFIRMED.canBecome(BookingStatus.WAITLISTED)).isFalse();
        for (BookingStatus last : new BookingStatus[] {
            BookingStatus.CANCELLED, BookingStatus.LATE_CANCELLED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW
        }) {
            assertThat(last.active()).isFalse();
            for (BookingStatus any : BookingStatus.values()) {
                assertThat(last.canBecome(any)).as(last + " -> " + any).isFalse();
            }
        }
    }

    @Test
    void theStoredValuesAreTheDatabasesAndTheApis() {
        assertThat(BookingStatus.LATE_CANCELLED.value()).isEqualTo("late_cancelled");
        assertThat(BookingStatus.of("no_show")).isEqualTo(BookingStatus.NO_SHOW);
    }
}
