package io.wellbase.clients.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between client records and user accounts.
 */
@Service
class PortalAccounts implements ClientAccounts {

    private final JdbcClient jdbc;
    private final ClientStore clients;
    private final AuditTrail audit;

    PortalAccounts(JdbcClient jdbc, ClientStore clients, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public Optional<UUID> clientOf(UUID userId, UUID organizationId) {
        return jdbc.sql("SELECT client_id FROM client_accounts WHERE org_id = :org AND user_id = :user")
                .param("org", organizationId)
                .param("user", userId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public Optional<UUID> userOf(UUID organizationId, UUID clientId) {
        return jdbc.sql("SELECT user_id FROM client_accounts WHERE org_id = :org AND client_id = :client")
                .param("org", organizationId)
                .param("client", clientId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public List<UUID> organizationsOf(UUID userId, int limit) {
        return jdbc.sql("SELECT org_id FROM client_accounts WHERE user_id = :user ORDER BY linked_at LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    @Transactional
    public UUID enroll(UUID orgId, UserSummary user, String firstName, String lastName, String phone) {
        UUID userId = user.id();
        String email = user.email();
        Optional<UUID> existing = clientOf(userId, orgId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<UUID> match = user.emailVerified() ? unlinkedClientWithEmail(orgId, email) : Optional.empty();
        UUID clientId = match.orElseGet(() -> {
            UUID id = Ids.newId();
            clients.insert(
                    orgId,
                    id,
                    new ClientFields(
                            firstName, lastName, email, null, phone, null, null, null, null, "lead", "portal", null,
                            false, null, Map.of(), Map.of()));
            audit.record(AuditRecord.of(
                            orgId,
                            "client.created",
                            "client",
                            id,
                            AuditChange.created(created(firstName, lastName, email)))
                    .byActor(userId));
            return id;
        });
        link(orgId, clientId, userId);
        return clientId;
    }

    private Optional<UUID> unlinkedClientWithEmail(UUID orgId, String email) {
        return jdbc.sql("""
                SELECT c.id FROM clients c
                WHERE c.org_id = :org AND c.email_normalized = lower(trim(:email)) AND c.merged_into_id IS NULL
                  AND c.erased_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM client_accounts a WHERE a.org_id = c.org_id AND a.client_id = c.id)
                ORDER BY c.created_at LIMIT 1
                """)
                .param("org", orgId)
                .param("email", email)
                .query(UUID.class)
                .optional();
    }

    /** The audited fields of a client made by a sign-up; the email may be missing (an erased account). */
    private static Map<String, Object> created(String firstName, String lastName, String email) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("email", email);
        fields.put("source", "portal");
        return fields;
    }

    void link(UUID orgId, UUID clientId, UUID userId) {
        if (clientOf(userId, orgId).isPresent()) {
            throw ApiException.conflict("portal.already_linked", "This account is already linked to a client here");
        }
        int inserted = jdbc.sql("""
                INSERT INTO client_accounts (org_id, client_id, user_id) VALUES (:org, :client, :user)
                ON CONFLICT DO NOTHING
                """)
                .param("org", orgId)
                .param("client", clientId)
                .param("user", userId)
                .update();
        if (inserted == 0) {
            throw ApiException.conflict("portal.already_linked", "This client record already has an account");
        }
        audit.record(AuditRecord.of(
                        orgId,
                        "client.portal_linked",
                        "client",
                        clientId,
                        Map.of("userId", new AuditChange(null, userId)))
                .byActor(userId));
    }
}
