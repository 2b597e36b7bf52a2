package io.wellbase.notifications.internal.webhooks;

import io.wellbase.scheduling.SchedulingEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues a webhook delivery for each enabled endpoint subscribed to the event's type. The notification
 * listeners call it in their own transaction (one publication per event, not one per concern); it listens
 * itself only to events that tell no person anything. The payload is the
 * event as JSON with its {@code type} and {@code timestamp}; the dedupe key is the type and a digest of
 * the event, so a listener retried from the event publication registry queues nothing twice.
 */
@Component
public class WebhookEvents {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookEvents(WebhookEndpoints endpoints, WebhookDeliveries deliveries, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    public void on(SchedulingEvents.BookingConfirmed e) {
        queue(e.organizationId(), WebhookEventType.BOOKING_CONFIRMED, e);
    }

    public void on(SchedulingEvents.BookingCancelled e) {
        queue(e.organizationId(), WebhookEventType.BOOKING_CANCELLED, e);
    }

    public void on(SchedulingEvents.WaitlistPromoted e) {
        queue(e.organizationId(), WebhookEventType.WAITLIST_PROMOTED, e);
    }

    public void on(SchedulingEvents.SessionCancelled e) {
        queue(e.organizationId(), WebhookEventType.SESSION_CANCELLED, e);
    }

    @ApplicationModuleListener
    void on(SchedulingEvents.ClientCheckedIn e) {
        queue(e.organizationId(), WebhookEventType.CLIENT_CHECKED_IN, e);
    }

    @ApplicationModuleListener
    void on(io.wellbase.commerce.OrderPaid e) {
        queue(e.organizationId(), WebhookEventType.ORDER_PAID, e);
    }

    public void on(SchedulingEvents.AppointmentBooked e) {
        queue(e.organizationId(), WebhookEventType.APPOINTMENT_BOOKED, e);
    }

    public void on(SchedulingEvents.AppointmentRescheduled e) {
        queue(e.organizationId(), WebhookEventType.APPOINTMENT_RESCHEDULED, e);
    }

    public void on(SchedulingEvents.AppointmentCancelled e) {
        queue(e.organizationId(), WebhookEventType.APPOINTMENT_CANCELLED, e);
    }

    private void queue(UUID orgId, WebhookEventType type, Object event) {
        var subscribed = endpoints.subscribed(orgId, type.value());
        if (subscribed.isEmpty()) {
            return;
        }
        String data = json.writeValueAsString(event);
        String key = type.value() + ":" + digest(data);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.value());
        payload.put("timestamp", clock.instant().toString());
        payload.put("data", json.readTree(data));
        String body = json.writeValueAsString(payload);
        for (UUID endpoint : subscribed) {
            deliveries.queue(orgId, endpoint, type.value(), key, body);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
