package io.wellbase.messaging.internal;

import io.wellbase.messaging.MessagingProperties;
import io.wellbase.messaging.internal.support.CounselorPresence;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is online, from the sockets of this node: a user's first socket in an organization makes them online,
 * their last one closing makes them offline after {@code presence-grace} (a page reload is not a leave).
 * Changes go to the organization's staff on {@code /topic/presence.<organization>}; a counselor who goes
 * offline is set offline in the support queue, so that no session waits for them.
 */
@Component
class Presence implements DisposableBean {

    static final String TOPIC = "/topic/presence.";

    private final SimpMessagingTemplate broker;
    private final CounselorPresence counselors;
    private final MessagingProperties properties;
    private final Map<StompAuthorization.SocketUser, Integer> sockets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presence-grace");
        t.setDaemon(true);
        return t;
    });

    Presence(SimpMessagingTemplate broker, CounselorPresence counselors, MessagingProperties properties) {
        this.broker = broker;
        this.counselors = counselors;
        this.properties = properties;
    }

    /** Whether the user has a socket open on this node in the organization. */
    boolean online(UUID organizationId, UUID userId) {
        return sockets.containsKey(new StompAuthorization.SocketUser(userId, organizationId));
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        if (event.getUser() instanceof StompAuthorization.SocketUser user
                && sockets.merge(user, 1, Integer::sum) == 1) {
            announce(user, true);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        if (!(event.getUser() instanceof StompAuthorization.SocketUser user)) {
            return;
        }
        Integer left = sockets.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
        if (left == null) {
            later.schedule(
                    () -> {
                        if (!sockets.containsKey(user)) {
                            announce(user, false);
                            counselors.wentOffline(user.organizationId(), user.userId());
                        }
                    },
                    properties.presenceGrace().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void announce(StompAuthorization.SocketUser user, boolean online) {
        broker.convertAndSend(TOPIC + user.organizationId(), (Object)
                Map.of("event", "presence", "userId", user.userId(), "online", online));
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }
}
