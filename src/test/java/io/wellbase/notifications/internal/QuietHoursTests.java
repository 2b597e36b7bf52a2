package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String local) {
        return ZonedDateTime.ofLocal(java.time.LocalDateTime.parse(local), BERLIN, null)
                .toInstant();
    }

    @Test
    void aMessageInsideOvernightQuietHoursWaitsForTheirEndAndOneOutsideGoesAtOnce() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);
        assertThat(quiet.deferred(at("2026-06-10T23:15"))).isEqualTo(at("2026-06-11T07:00"));
        assertThat(quiet.deferred(at("2026-06-11T03:00"))).isEqualTo(at("2026-06-11T07:00"));
        assertThat(quiet.deferred(at("2026-06-11T07:00"))).isEqualTo(at("2026-06-11T07:00"));
        assertThat(quiet.deferred(at("2026-06-11T12:00"))).isEqualTo(at("2026-06-11T12:00"));
        assertThat(quiet.deferred(at("2026-06-11T21:59"))).isEqualTo(at("2026-06-11T21:59"));
        // the night the clocks go back: 07:00 is still 07:00 on the wall
        assertThat(quiet.deferred(at("2026-10-24T23:00"))).isEqualTo(at("2026-10-25T07:00"));
    }

    @Test
    void daytimeQuietHoursEndTheSameDay() {
        QuietHours quiet = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), BERLIN);
        assertThat(quiet.deferred(at("2026-06-11T12:30"))).isEqualTo(at("2026-06-11T14:00"));
        assertThat(quiet.deferred(at("2026-06-11T14:00"))).isEqualTo(at("2026-06-11T14:00"));
        assertThat(quiet.deferred(at("2026-06-11T11:59"))).isEqualTo(at("2026-06-11T11:59"));
    }
}
