package io.wellbase.notifications.internal;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Users' push subscriptions per organization, and the server's VAPID key pair. */
@Component
class PushSubscriptions {

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription as the API shows it (its keys stay here). */
    record Subscription(UUID id, String endpoint, OffsetDateTime createdAt) {}

    /** What a push needs: where, and the keys to encrypt for. */
    record Target(UUID id, String endpoint, String p256dh, String auth) {}

    /** The VAPID key pair: the public key as the 65-byte point browsers take, the private key to sign. */
    record Vapid(byte[] publicKey, PrivateKey privateKey) {}

    Subscription add(UUID orgId, UUID userId, String endpoint, String p256dh, String auth) {
        return jdbc.sql("""
                INSERT INTO notification_push_subscriptions (id, org_id, user_id, endpoint, p256dh, auth)
                VALUES (:id, :org, :user, :endpoint, :p256dh, :auth)
                ON CONFLICT (org_id, user_id, endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth
                RETURNING id, endpoint, created_at
                """)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("user", userId)
                .param("endpoint", endpoint)
                .param("p256dh", p256dh)
                .param("auth", auth)
                .query(Rows.of(Subscription.class))
                .single();
    }

    List<Subscription> of(UUID orgId, UUID userId) {
        return jdbc.sql("""
                SELECT id, endpoint, created_at FROM notification_push_subscriptions
                WHERE org_id = :org AND user_id = :user ORDER BY id
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(Rows.of(Subscription.class))
                .list();
    }

    List<Target> targets(UUID orgId, UUID userId) {
        return jdbc.sql("""
                SELECT id, endpoint, p256dh, auth FROM notification_push_subscriptions
                WHERE org_id = :org AND user_id = :user ORDER BY id
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(Rows.of(Target.class))
                .list();
    }

    /** Which of these users have at least one subscription. */
    java.util.Set<UUID> subscribed(UUID orgId, java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT user_id FROM notification_push_subscriptions
                        WHERE org_id = :org AND user_id = ANY (CAST(:users AS uuid[]))
                        """)
                .param("org", orgId)
                .param("users", userIds.stream().distinct().toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    boolean delete(UUID orgId, UUID userId, UUID id) {
        return jdbc.sql(
                                "DELETE FROM notification_push_subscriptions WHERE org_id = :org AND user_id = :user AND id = :id")
                        .param("org", orgId)
                        .param("user", userId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The push service said the subscription is gone (404, 410). */
    void gone(UUID id) {
        jdbc.sql("DELETE FROM notification_push_subscriptions WHERE id = :id")
                .param("id", id)
                .update();
    }

    Vapid vapid() {
        Optional<Vapid> stored = readVapid();
        if (stored.isPresent()) {
            return stored.get();
        }
        KeyPair pair = WebPushCrypto.newKeyPair();
        jdbc.sql(
                        "INSERT INTO notification_vapid_keys (id, public_key, private_key) VALUES (1, :pub, :priv) ON CONFLICT DO NOTHING")
                .param("pub", WebPushCrypto.uncompressed((ECPublicKey) pair.getPublic()))
                .param("priv", pair.getPrivate().getEncoded())
                .update();
        return readVapid().orElseThrow();
    }

    private Optional<Vapid> readVapid() {
        return jdbc.sql("SELECT public_key, private_key FROM notification_vapid_keys WHERE id = 1")
                .query((rs, n) -> Map.entry(rs.getBytes("public_key"), rs.getBytes("private_key")))
                .optional()
                .map(keys -> {
                    try {
                        PrivateKey key =
                                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(keys.getValue()));
                        return new Vapid(keys.getKey(), key);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the stored VAPID key cannot be read", e);
                    }
                });
    }
}
