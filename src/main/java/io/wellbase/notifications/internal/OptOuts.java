package io.wellbase.notifications.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Email categories a client switched off through the unsubscribe link of a message: the link carries a
 * random token of the client record (not guessable, not their id) and works without signing in.
 */
@Component
class OptOuts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's link token, made on first use: after that, one read and no write per email. */
    String tokenFor(UUID orgId, UUID clientId) {
        return existingToken(orgId, clientId).orElseGet(() -> {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            jdbc.sql("""
                    INSERT INTO notification_optouts (org_id, client_id, token) VALUES (:org, :client, :token)
                    ON CONFLICT (org_id, client_id) DO NOTHING
                    """)
                    .param("org", orgId)
                    .param("client", clientId)
                    .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                    .update();
            return existingToken(orgId, clientId).orElseThrow();
        });
    }

    /** The tokens of many clients of one organization, made where missing: two statements, not two per client. */
    Map<UUID, String> tokensFor(UUID orgId, Collection<UUID> clientIds) {
        UUID[] clients = clientIds.stream().distinct().toArray(UUID[]::new);
        String[] fresh = new String[clients.length];
        for (int i = 0; i < clients.length; i++) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            fresh[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        jdbc.sql("""
                INSERT INTO notification_optouts (org_id, client_id, token)
                SELECT :org, c.client_id, c.token
                FROM unnest(CAST(:clients AS uuid[]), CAST(:tokens AS text[])) AS c (client_id, token)
                ON CONFLICT (org_id, client_id) DO NOTHING
                """)
                .param("org", orgId)
                .param("clients", clients)
                .param("tokens", fresh)
                .update();
        Map<UUID, String> tokens = new HashMap<>();
        jdbc.sql("SELECT client_id, token FROM notification_optouts WHERE org_id = :org"
                        + " AND client_id = ANY (CAST(:clients AS uuid[]))")
                .param("org", orgId)
                .param("clients", clients)
                .query((rs, n) -> Map.entry(rs.getObject("client_id", UUID.class), rs.getString("token")))
                .list()
                .forEach(e -> tokens.put(e.getKey(), e.getValue()));
        return tokens;
    }

    private Optional<String> existingToken(UUID orgId, UUID clientId) {
        return jdbc.sql("SELECT token FROM notification_optouts WHERE org_id = :org AND client_id = :client")
                .param("org", orgId)
                .param("client", clientId)
                .query(String.class)
                .optional();
    }

    /** The categories each of these clients switched off for email; clients who switched none off are absent. */
    Map<UUID, Set<String>> of(UUID orgId, Collection<UUID> clientIds) {
        Map<UUID, Set<String>> found = new HashMap<>();
        if (clientIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT client_id, categories FROM notification_optouts
                WHERE org_id = :org AND client_id = ANY (CAST(:clients AS uuid[])) AND cardinality(categories) > 0
                """)
                .param("org", orgId)
                .param("clients", clientIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(
                        rs.getObject("client_id", UUID.class),
                        Arrays.stream((String[]) rs.getArray("categories").getArray())
                                .collect(Collectors.toUnmodifiableSet())))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** Switches the category off for the token's client; empty when the token is unknown. */
    Optional<UUID> unsubscribe(String token, Category category) {
        return jdbc.sql("""
                UPDATE notification_optouts
                SET categories = CASE WHEN :category = ANY (categories) THEN categories
                                      ELSE array_append(categories, CAST(:category AS text)) END,
                    updated_at = now()
                WHERE token = :token
                RETURNING client_id
                """)
                .param("token", token)
                .param("category", category.value())
                .query(UUID.class)
                .optional();
    }
}
