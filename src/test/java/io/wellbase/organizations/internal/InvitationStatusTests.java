package io.wellbase.organizations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationStatusTests {

    @Test
    void aPendingInvitationIsAcceptedOrRevokedOnceAndTheOthersNeverMove() {
        assertThat(InvitationStatus.PENDING.canBecome(InvitationStatus.ACCEPTED))
                .isTrue();
        assertThat(InvitationStatus.PENDING.canBecome(InvitationStatus.REVOKED)).isTrue();
        assertThat(InvitationStatus.PENDING.canBecome(InvitationStatus.EXPIRED))
                .as("time expires it, not a move")
                .isFalse();
        for (InvitationStatus last :
                new InvitationStatus[] {InvitationStatus.ACCEPTED, InvitationStatus.REVOKED, InvitationStatus.EXPIRED
                }) {
            for (InvitationStatus any : InvitationStatus.values()) {
                assertThat(last.canBecome(any)).as(last + " -> " + any).isFalse();
            }
        }
        assertThat(InvitationStatus.ACCEPTED.reachableFrom()).containsExactly("pending");
        assertThat(InvitationStatus.REVOKED.reachableFrom()).containsExactly("pending");
        assertThat(InvitationStatus.PENDING.reachableFrom()).isEmpty();
    }

    @Test
    void theDerivedValuesAreTheLowerCaseNames() {
        assertThat(InvitationStatus.of("expired")).isEqualTo(InvitationStatus.EXPIRED);
        for (InvitationStatus status : InvitationStatus.values()) {
            assertThat(InvitationStatus.SQL).as("the SQL derives " + status).contains("'" + status.value() + "'");
        }
    }
}
