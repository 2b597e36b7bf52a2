package io.wellbase.messaging.internal.support;

import io.wellbase.notifications.StaffAlerts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Who, besides the counselors on duty, hears of an emergency: the organization's on-call contacts (a name and an
 * email and/or a phone, kept as JSON in the support settings) and the alert phones of the counselors on duty.
 */
@Component
class OnCallContacts {

    /** E.164: a plus, a country code, up to 15 digits in all. */
    static final String PHONE = "^\\+[1-9][0-9]{6,14}$";

    static final int MAX = 10;

    record Contact(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Email @Size(max = 254) String email,

            @Nullable @Pattern(regexp = PHONE, message = "must be a phone number in E.164 form (+4930123456)")
            String phone) {}

    private static final TypeReference<List<Contact>> LIST = new TypeReference<>() {};

    private final ChatSessionStore sessions;
    private final ObjectMapper json;

    OnCallContacts(ChatSessionStore sessions, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    List<Contact> of(UUID orgId) {
        return json.readValue(sessions.onCallJson(orgId), LIST);
    }

    String json(List<Contact> contacts) {
        return json.writeValueAsString(contacts);
    }

    /** Everyone to reach outside the accounts in an emergency: the on-call contacts, the on-duty alert phones. */
    List<StaffAlerts.Contact> forEmergency(UUID orgId) {
        List<StaffAlerts.Contact> all = new java.util.ArrayList<>();
        of(orgId).forEach(c -> all.add(new StaffAlerts.Contact(c.name(), c.email(), c.phone())));
        sessions.onDutyAlertPhones(orgId).forEach(p -> all.add(new StaffAlerts.Contact("counselor", null, p)));
        return all;
    }
}
