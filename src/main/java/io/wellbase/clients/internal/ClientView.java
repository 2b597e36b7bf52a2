package io.wellbase.clients.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client as the API shows it.
 */
record ClientView(
        UUID id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String mobilePhone,
        LocalDate birthDate,
        String gender,
        Address address,
        EmergencyContact emergencyContact,
        String status,
        String source,
        UUID referredById,
        boolean marketingConsent,
        LocalDate waiverSignedOn,
        List<String> tags,
        Map<String, Object> customFields,
        Map<String, Object> externalIds,
        List<AlertView> alerts,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OnboardingView onboarding) {

    /** Onboarding progress, on a single client's record (not in lists). */
    record OnboardingView(int completed, int total, List<OnboardingProgressStep> steps) {}

    /** One step of the organization's checklist and whether this client has done it. */
    record OnboardingProgressStep(UUID id, String key, String label, boolean required, OffsetDateTime completedAt) {}

    /** A postal address. */
    record Address(String line1, String line2, String city, String postalCode, String region, String country) {}

    /** Whom to call in an emergency. */
    record EmergencyContact(String name, String phone, String relationship) {}

    /** An open alert shown on the client's record; staff-only unless {@code visibleToClient}. */
    record AlertView(UUID id, String level, String message, boolean visibleToClient, OffsetDateTime createdAt) {}

    ClientView withTagsAndAlerts(List<String> newTags, List<AlertView> newAlerts) {
        return new ClientView(
                id,
                firstName,
                lastName,
                email,
                phone,
                mobilePhone,
                birthDate,
                gender,
                address,
                emergencyContact,
                status,
                source,
                referredById,
                marketingConsent,
                waiverSignedOn,
                newTags,
                customFields,
                externalIds,
                newAlerts,
                createdAt,
                updatedAt,
                onboarding);
    }

    ClientView withOnboarding(OnboardingView progress) {
        return new ClientView(
                id,
                firstName,
                lastName,
                email,
                phone,
                mobilePhone,
                birthDate,
                gender,
                address,
                emergencyContact,
                status,
                source,
                referredById,
                marketingConsent,
                waiverSignedOn,
                tags,
                customFields,
                externalIds,
                alerts,
                createdAt,
                updatedAt,
                progress);
    }
}
