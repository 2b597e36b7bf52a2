package io.wellbase.clients.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A client's own record as the portal shows it: their details and onboarding, and only the alerts staff
 * marked visible to them. Status, source, referral, tags, custom fields, external ids and staff-only
 * alerts are the studio's notes about the client and stay out of it.
 */
record OwnProfile(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String mobilePhone,
        LocalDate birthDate,
        String gender,
        ClientView.Address address,
        ClientView.EmergencyContact emergencyContact,
        boolean marketingConsent,
        LocalDate waiverSignedOn,
        List<Notice> notices,
        ClientView.OnboardingView onboarding,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** An alert staff chose to show the client. */
    record Notice(UUID id, String level, String message, OffsetDateTime createdAt) {}

    static OwnProfile of(ClientView c) {
        List<Notice> notices = c.alerts() == null
                ? List.of()
                : c.alerts().stream()
                        .filter(ClientView.AlertView::visibleToClient)
                        .map(a -> new Notice(a.id(), a.level(), a.message(), a.createdAt()))
                        .toList();
        return new OwnProfile(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.phone(),
                c.mobilePhone(),
                c.birthDate(),
                c.gender(),
                c.address(),
                c.emergencyContact(),
                c.marketingConsent(),
                c.waiverSignedOn(),
                notices,
                c.onboarding(),
                c.createdAt(),
                c.updatedAt());
    }
}
