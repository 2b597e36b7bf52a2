package io.wellbase.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.clients.ClientsMerged;
import io.wellbase.support.ModuleScenarioTest;
import io.wellbase.support.TestRows;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * Scheduling's side of a client merge ({@link ClientsMerged}, published by the clients module):
 * the merged client's bookings and appointments move to the survivor, and where both were booked
 * into one session the merged one's booking is cancelled and its seat freed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ClientMergeScenarioTests extends ModuleScenarioTest {

    @Test
    void aMergeMovesBookingsAndAppointmentsAndFreesTheDoubledSeat(Scenario scenario) {
        TestRows rows = rows();
        UUID location = rows.location();
        UUID survivor = rows.client("Survivor");
        UUID merged = rows.client("Duplicate");
        UUID bystander = rows.client("Bystander");
        UUID shared = rows.session(location, 10);
        UUID onlyMerged = rows.session(location, 10);
        UUID survivorsSeat = rows.booking(shared, survivor, "confirmed");
        UUID doubledSeat = rows.booking(shared, merged, "confirmed");
        UUID movedSeat = rows.booking(onlyMerged, merged, "confirmed");
        UUID bystandersSeat = rows.booking(onlyMerged, bystander, "confirmed");
        UUID appointment = rows.appointment(location, merged);

        scenario.publish(new ClientsMerged(rows.orgId(), survivor, merged))
                .andWaitForStateChange(() -> rows.clientOf("bookings", movedSeat), survivor::equals)
                .andVerify(moved -> {
                    assertThat(rows.clientOf("appointments", appointment)).isEqualTo(survivor);
                    assertThat(status(doubledSeat)).isEqualTo("cancelled");
                    assertThat(status(survivorsSeat)).isEqualTo("confirmed");
                    assertThat(status(movedSeat)).isEqualTo("confirmed");
                    assertThat(confirmedCount(shared))
                            .as("the doubled seat is freed")
                            .isEqualTo(1);
                    assertThat(confirmedCount(onlyMerged)).isEqualTo(2);
                    assertThat(rows.clientOf("bookings", bystandersSeat)).isEqualTo(bystander);
                    assertThat(activeBookings(shared, survivor))
                            .as("the survivor keeps exactly one seat")
                            .isEqualTo(1);
                });
    }

    @Test
    void aWaitlistedDuplicateIsDroppedWithoutTouchingTheSeatCount(Scenario scenario) {
        TestRows rows = rows();
        UUID location = rows.location();
        UUID survivor = rows.client("Survivor");
        UUID merged = rows.client("Duplicate");
        UUID session = rows.session(location, 1);
        rows.booking(session, survivor, "confirmed");
        UUID waiting = rows.booking(session, merged, "waitlisted");

        scenario.publish(new ClientsMerged(rows.orgId(), survivor, merged))
                .andWaitForStateChange(() -> status(waiting), "cancelled"::equals)
                .andVerify(cancelled -> assertThat(confirmedCount(session)).isEqualTo(1));
    }

    @Test
    void aCheckInOfTheDuplicateOutranksTheSurvivorsSeat(Scenario scenario) {
        TestRows rows = rows();
        UUID location = rows.location();
        UUID survivor = rows.client("Survivor");
        UUID merged = rows.client("Duplicate");
        UUID session = rows.session(location, 10);
        UUID survivorsSeat = rows.booking(session, survivor, "confirmed");
        UUID checkedIn = rows.booking(session, merged, "attended");

        scenario.publish(new ClientsMerged(rows.orgId(), survivor, merged))
                .andWaitForStateChange(() -> rows.clientOf("bookings", checkedIn), survivor::equals)
                .andVerify(moved -> {
                    assertThat(status(checkedIn))
                            .as("the visit stays in the history")
                            .isEqualTo("attended");
                    assertThat(status(survivorsSeat)).isEqualTo("cancelled");
                    assertThat(confirmedCount(session)).isEqualTo(1);
                    assertThat(activeBookings(session, survivor)).isEqualTo(1);
                });
    }

    private String status(UUID booking) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = :id")
                .param("id", booking)
                .query(String.class)
                .single();
    }

    private int confirmedCount(UUID session) {
        return jdbc.sql("SELECT confirmed_count FROM class_sessions WHERE id = :id")
                .param("id", session)
                .query(Integer.class)
                .single();
    }

    private long activeBookings(UUID session, UUID client) {
        return jdbc.sql("""
                SELECT count(*) FROM bookings
                WHERE session_id = :session AND client_id = :client AND status IN ('confirmed', 'waitlisted', 'attended')
                """)
                .param("session", session)
                .param("client", client)
                .query(Long.class)
                .single();
    }
}
