package io.wellbase.messaging.internal;

import io.wellbase.platform.data.Rows;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sockets of every node and each user's presence, in the database so that every node sees the same. A
 * statement that flips a user's presence returns the row, so exactly one node announces each change.
 */
@Repository
class PresenceStore {

    /** A user in an organization. */
    record UserRef(UUID orgId, UUID userId) {}

    private final JdbcClient jdbc;

    PresenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The node's heartbeat; true when its row was missing (new, or swept while it was paused). */
    boolean beat(UUID nodeId) {
        return jdbc.sql("""
                INSERT INTO messaging_nodes (node_id) VALUES (:node)
                ON CONFLICT (node_id) DO UPDATE SET seen_at = now()
                RETURNING (xmax = 0)
                """).param("node", nodeId).query(Boolean.class).single();
    }

    /** A socket opened; true when it made the user online (they had none anywhere). */
    boolean opened(UUID nodeId, String sessionId, UUID orgId, UUID userId) {
        openedAnother(nodeId, sessionId, orgId, userId);
        return jdbc.sql("""
                INSERT INTO user_presence (org_id, user_id, online) VALUES (:org, :user, true)
                ON CONFLICT (org_id, user_id) DO UPDATE SET online = true, touched_at = now()
                    WHERE user_presence.online = false
                RETURNING user_id
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** One more socket of a user who has one open on this node already (so online): only its row. */
    void openedAnother(UUID nodeId, String sessionId, UUID orgId, UUID userId) {
        jdbc.sql("""
                INSERT INTO user_sockets (node_id, session_id, org_id, user_id) VALUES (:node, :session, :org, :user)
                ON CONFLICT DO NOTHING
                """)
                .param("node", nodeId)
                .param("session", sessionId)
                .param("org", orgId)
                .param("user", userId)
                .update();
    }

    /** A socket closed while another of the user's stays open on this node: only its row. */
    void closedAnother(UUID nodeId, String sessionId) {
        jdbc.sql("DELETE FROM user_sockets WHERE node_id = :node AND session_id = :session")
                .param("node", nodeId)
                .param("session", sessionId)
                .update();
    }

    /** A socket closed; the user stays online through the grace period. */
    void closed(UUID nodeId, String sessionId, UUID orgId, UUID userId) {
        closedAnother(nodeId, sessionId);
        jdbc.sql("UPDATE user_presence SET touched_at = now() WHERE org_id = :org AND user_id = :user")
                .param("org", orgId)
                .param("user", userId)
                .update();
    }

    /**
     * Flips the user offline when no socket of theirs is open on any node and none opened or closed within the
     * grace period (another node's check is then due); true when this call flipped it.
     */
    boolean offlineIfNoSockets(UUID orgId, UUID userId, Duration grace) {
        return jdbc.sql("""
                UPDATE user_presence p SET online = false, touched_at = now()
                WHERE p.org_id = :org AND p.user_id = :user AND p.online
                  AND p.touched_at <= now() - make_interval(secs => :grace)
                  AND NOT EXISTS (SELECT 1 FROM user_sockets s WHERE s.org_id = p.org_id AND s.user_id = p.user_id)
                RETURNING p.user_id
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("grace", grace.toMillis() / 1000.0)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /**
     * Removes the sockets of nodes not seen for {@code deadAfter}, and flips offline (returning them) the users
     * without a socket whose presence was last touched longer than {@code untouchedFor} ago.
     */
    List<UserRef> sweep(Duration deadAfter, Duration untouchedFor) {
        // one statement: a node that beats meanwhile keeps both its row and its sockets; sockets without a node
        // row (a node that left) go once they are older than a dead node's
        jdbc.sql("""
                WITH dead AS (
                    DELETE FROM messaging_nodes WHERE seen_at <= now() - make_interval(secs => :dead) RETURNING node_id)
                DELETE FROM user_sockets s
                WHERE s.node_id IN (SELECT node_id FROM dead)
                   OR (s.connected_at <= now() - make_interval(secs => :dead)
                       AND NOT EXISTS (SELECT 1 FROM messaging_nodes n WHERE n.node_id = s.node_id))
                """).param("dead", deadAfter.toSeconds()).update();
        return jdbc.sql("""
                UPDATE user_presence p SET online = false, touched_at = now()
                WHERE p.online AND p.touched_at <= now() - make_interval(secs => :grace)
                  AND NOT EXISTS (SELECT 1 FROM user_sockets s WHERE s.org_id = p.org_id AND s.user_id = p.user_id)
                RETURNING p.org_id, p.user_id
                """)
                .param("grace", untouchedFor.toMillis() / 1000.0)
                .query(Rows.of(UserRef.class))
                .list();
    }

    /**
     * Takes this node's sockets off (a clean shutdown); their users' grace period starts now (they may be
     * reconnecting to another node), and those left without a socket go offline in the sweep.
     */
    void leave(UUID nodeId) {
        jdbc.sql("""
                WITH gone AS (DELETE FROM user_sockets WHERE node_id = :node RETURNING org_id, user_id)
                UPDATE user_presence p SET touched_at = now()
                FROM (SELECT DISTINCT org_id, user_id FROM gone) g
                WHERE p.org_id = g.org_id AND p.user_id = g.user_id
                """).param("node", nodeId).update();
        jdbc.sql("DELETE FROM messaging_nodes WHERE node_id = :node")
                .param("node", nodeId)
                .update();
    }

    /** Of these users, the ones online (a socket on some node, or within the grace period). */
    Set<UUID> online(UUID orgId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT user_id FROM user_presence WHERE org_id = :org AND user_id = ANY(:users) AND online
                """)
                .param("org", orgId)
                .param("users", userIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }
}
