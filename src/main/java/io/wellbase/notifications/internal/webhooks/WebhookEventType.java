package io.wellbase.notifications.internal.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, by the name its payload carries in {@code type}. */
enum WebhookEventType {
    BOOKING_CONFIRMED("booking.confirmed"),
    BOOKING_CANCELLED("booking.cancelled"),
    WAITLIST_PROMOTED("waitlist.promoted"),
    SESSION_CANCELLED("session.cancelled"),
    CLIENT_CHECKED_IN("client.checked_in"),
    ORDER_PAID("order.paid"),
    APPOINTMENT_BOOKED("appointment.booked"),
    APPOINTMENT_RESCHEDULED("appointment.rescheduled"),
    APPOINTMENT_CANCELLED("appointment.cancelled");

    private final String value;

    WebhookEventType(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<WebhookEventType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
