package io.wellbase.messaging.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wellbase.messaging.MessagingProperties;
import io.wellbase.messaging.internal.support.CounselorPresence;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is online, over every node: each socket is recorded under the node holding it ({@link PresenceStore}); a
 * user's first socket anywhere makes them online, and once none is left anywhere they are offline after
 * {@code presence-grace} (a page reload is not a leave). Every node beats every {@link #BEAT}; the sweep (one
 * node at a time, a scheduled task) removes the sockets of a node not seen for {@link #DEAD_AFTER} and sets
 * their users offline. Changes go to the organization's staff on {@code /topic/presence.<organization>}, which
 * the relay carries to every node; a counselor who goes offline is set offline in the support queue, so that no
 * session waits for them.
 */
@Component
class Presence implements DisposableBean {

    static final String TOPIC = "/topic/presence.";
    static final Duration BEAT = Duration.ofSeconds(10);
    static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final UUID nodeId = UUID.randomUUID();
    private final SimpMessagingTemplate broker;
    private final CounselorPresence counselors;
    private final PresenceStore store;
    private final MessagingProperties properties;
    /** This node's sockets, to record again should the sweep have taken them while this node was paused. */
    private final Map<String, StompAuthorization.SocketUser> sockets = new ConcurrentHashMap<>();
    /** Sessions that ended before their connected event was handled (it comes on another thread). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> ended =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(Duration.ofMinutes(1))
                    .build();
    /** Sessions whose row a failed write left behind, or never wrote. */
    private final java.util.Set<String> unclosed = ConcurrentHashMap.newKeySet();

    private final java.util.Set<String> unrecorded = ConcurrentHashMap.newKeySet();
    /** How many sockets each user has open on this node: only the first and the last one touch their presence. */
    private final Map<StompAuthorization.SocketUser, Integer> perUser = new ConcurrentHashMap<>();

    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presence");
        t.setDaemon(true);
        return t;
    });

    Presence(
            SimpMessagingTemplate broker,
            CounselorPresence counselors,
            PresenceStore store,
            MessagingProperties properties) {
        this.broker = broker;
        this.counselors = counselors;
        this.store = store;
        this.properties = properties;
    }

    /** Of these users, the ones online on any node. */
    Set<UUID> online(UUID organizationId, Collection<UUID> userIds) {
        return store.online(organizationId, userIds);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        beat();
        later.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        retryFailedWrites();
        try {
            if (store.beat(nodeId) && !sockets.isEmpty()) {
                sockets.forEach((sessionId, user) -> {
                    record(sessionId, user); // swept while paused: this node's sockets are open all the same
                    if (!sockets.containsKey(sessionId)) {
                        store.closedAnother(nodeId, sessionId); // it closed meanwhile
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Presence heartbeat failed: {}", e.toString());
        }
    }

    /** Socket rows a failed write left wrong (the database was away): put right on the next beat. */
    private void retryFailedWrites() {
        for (String sessionId : java.util.List.copyOf(unclosed)) {
            try {
                store.closedAnother(nodeId, sessionId);
                unclosed.remove(sessionId);
            } catch (RuntimeException e) {
                return; // still away
            }
        }
        for (String sessionId : java.util.List.copyOf(unrecorded)) {
            StompAuthorization.SocketUser user = sockets.get(sessionId);
            try {
                if (user != null) {
                    record(sessionId, user);
                }
                unrecorded.remove(sessionId);
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        String sessionId =
                SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (event.getUser() instanceof StompAuthorization.SocketUser user
                && sessionId != null
                && ended.getIfPresent(sessionId) == null) {
            sockets.put(sessionId, user);
            boolean first = perUser.merge(user, 1, Integer::sum) == 1;
            try {
                if (first) {
                    record(sessionId, user);
                } else {
                    store.openedAnother(nodeId, sessionId, user.organizationId(), user.userId()); // online already
                }
            } catch (RuntimeException e) {
                log.warn("Presence: a socket could not be recorded, retried on the next beat: {}", e.toString());
                unrecorded.add(sessionId);
            }
        }
    }

    private void record(String sessionId, StompAuthorization.SocketUser user) {
        if (store.opened(nodeId, sessionId, user.organizationId(), user.userId())) {
            announce(user.organizationId(), user.userId(), true);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        StompAuthorization.SocketUser user = sockets.remove(event.getSessionId());
        if (user == null) {
            ended.put(event.getSessionId(), true); // closed before its connected event: never record it
            return;
        }
        boolean last = perUser.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null) == null;
        try {
            if (!last) {
                store.closedAnother(nodeId, event.getSessionId()); // another socket of theirs is open here
                return;
            }
            store.closed(nodeId, event.getSessionId(), user.organizationId(), user.userId());
        } catch (RuntimeException e) {
            // the row stays until the next beat takes it off; the user goes offline in the sweep after that
            log.warn("Presence: a closed socket could not be taken off, retried on the next beat: {}", e.toString());
            unclosed.add(event.getSessionId());
            if (!last) {
                return;
            }
        }
        later.schedule(
                () -> {
                    try {
                        if (store.offlineIfNoSockets(
                                user.organizationId(), user.userId(), properties.presenceGrace())) {
                            wentOffline(user.organizationId(), user.userId());
                        }
                    } catch (RuntimeException e) {
                        log.warn("Presence: offline check failed: {}", e.toString()); // the sweep catches up
                    }
                },
                properties.presenceGrace().toMillis() + 100, // past the grace the database measures
                TimeUnit.MILLISECONDS);
    }

    /**
     * The sweep: sockets of dead nodes removed, their users (and any other left without a socket) offline. It is
     * the net under the node's own check after the grace period, so it leaves alone whoever was touched within
     * the grace period and {@link #DEAD_AFTER} more (that node's check is due or ran).
     */
    void sweep() {
        for (PresenceStore.UserRef user :
                store.sweep(DEAD_AFTER, properties.presenceGrace().plus(DEAD_AFTER))) {
            wentOffline(user.orgId(), user.userId());
        }
    }

    /** The queue first: whoever hears of it finds the counselor offline there too. */
    private void wentOffline(UUID orgId, UUID userId) {
        counselors.wentOffline(orgId, userId);
        announce(orgId, userId, false);
    }

    private void announce(UUID orgId, UUID userId, boolean online) {
        broker.convertAndSend(TOPIC + orgId, (Object) Map.of("event", "presence", "userId", userId, "online", online));
    }

    @Override
    public void destroy() {
        later.shutdownNow();
        try {
            store.leave(nodeId);
        } catch (RuntimeException e) {
            log.debug("Presence: could not take this node's sockets off: {}", e.toString()); // the sweep will
        }
    }

    /** The sweep, on one node at a time. */
    @Configuration(proxyBeanMethods = false)
    static class Sweep {

        @Bean
        RecurringTask<Void> messagingPresenceSweepTask(Presence presence) {
            return Tasks.recurring("messaging-presence-sweep", FixedDelay.of(Duration.ofSeconds(15)))
                    .execute((instance, context) -> presence.sweep());
        }
    }
}
