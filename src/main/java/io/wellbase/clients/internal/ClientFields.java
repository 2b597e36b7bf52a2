package io.wellbase.clients.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The fields of a new client, or of a change (null fields stay as they are).
 */
record ClientFields(
        String firstName,
        String lastName,
        String email,
        String phone,
        String mobilePhone,
        LocalDate birthDate,
        String gender,
        ClientView.Address address,
        ClientView.EmergencyContact emergencyContact,
        String status,
        String source,
        UUID referredById,
        Boolean marketingConsent,
        LocalDate waiverSignedOn,
        Map<String, Object> customFields,
        Map<String, String> externalIds) {}
