package io.wellbase.messaging.internal;

import io.wellbase.notifications.InAppNotified;
import io.wellbase.platform.data.AfterCommit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications module's in-app notifications, pushed to the user's sockets in the organization
 * ({@code /user/queue/notifications}) once the transaction that wrote them commits: {@code notification:new}
 * and {@code notification:read}. A plain listener, not a recorded publication: the notification row is the
 * durable record, and a socket that was away reads it from the inbox.
 */
@Component
class LiveNotifications {

    static final String QUEUE = "/queue/notifications";

    private final SimpMessagingTemplate broker;

    LiveNotifications(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    @EventListener
    void on(InAppNotified event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", event.read() ? "notification:read" : "notification:new");
        frame.put("id", event.notificationId());
        if (!event.read()) {
            frame.put("type", event.type());
            frame.put("category", event.category());
            frame.put("title", event.title());
            frame.put("body", event.body());
        } else {
            frame.put("all", event.notificationId() == null);
        }
        String user = StompAuthorization.SocketUser.name(event.userId(), event.organizationId());
        AfterCommit.run(() -> broker.convertAndSendToUser(user, QUEUE, (Object) frame));
    }
}
