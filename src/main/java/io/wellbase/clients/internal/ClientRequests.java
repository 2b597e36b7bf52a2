package io.wellbase.clients.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request bodies of the client endpoints; only these fields can be set by a caller.
 */
final class ClientRequests {

    private ClientRequests() {}

    record AddressRequest(
            @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String region,
            @Size(min = 2, max = 2) String country) {

        ClientView.Address toAddress() {
            return new ClientView.Address(line1, line2, city, postalCode, region, country);
        }
    }

    record EmergencyContactRequest(
            @Size(max = 200) String name,
            @Size(max = 40) String phone,
            @Size(max = 100) String relationship) {

        ClientView.EmergencyContact toContact() {
            return new ClientView.EmergencyContact(name, phone, relationship);
        }
    }

    /** Create (names required) and patch (everything optional) share the field rules. */
    record ClientRequest(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 40) String mobilePhone,
            @Past LocalDate birthDate,

            @Pattern(regexp = "female|male|non_binary|other|prefer_not_to_say")
            String gender,

            @Valid AddressRequest address,
            @Valid EmergencyContactRequest emergencyContact,
            String status,
            @Size(max = 100) String source,
            UUID referredById,
            Boolean marketingConsent,
            LocalDate waiverSignedOn,
            @Size(max = 50) List<String> tags,
            @Size(max = 100) Map<String, Object> customFields,
            @Size(max = 20) Map<@Size(max = 50) String, @Size(max = 100) String> externalIds) {

        ClientFields toFields() {
            return new ClientFields(
                    firstName,
                    lastName,
                    email,
                    phone,
                    mobilePhone,
                    birthDate,
                    gender,
                    address == null ? null : address.toAddress(),
                    emergencyContact == null ? null : emergencyContact.toContact(),
                    status,
                    source,
                    referredById,
                    marketingConsent,
                    waiverSignedOn,
                    customFields,
                    externalIds);
        }
    }

    record MergeRequest(@NotNull UUID otherId) {}

    record NoteRequest(@NotBlank @Size(max = 10000) String body, Boolean pinned) {}

    record NotePatchRequest(@Size(min = 1, max = 10000) String body, Boolean pinned) {}

    record AlertRequest(
            @NotBlank @Pattern(regexp = "yellow|red") String level,
            @NotBlank @Size(max = 500) String message,
            Boolean visibleToClient) {

        boolean shownToClient() {
            return Boolean.TRUE.equals(visibleToClient);
        }
    }

    record FieldDefinitionRequest(
            @NotBlank String key,
            @NotBlank @Size(max = 100) String label,

            @NotBlank @Pattern(regexp = "text|number|date|boolean|select")
            String type,

            @Size(max = 100) List<@Size(min = 1, max = 100) String> options,
            Boolean required) {}
}
