package io.wellbase.clients.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.Sessions;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.data.Secrets;
import io.wellbase.platform.mail.AccountEmail;
import io.wellbase.platform.mail.OutboundMail;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a client by email to the portal: the link lets them create an account (or use the one
 * they have, signed in with the same email) that is then linked to their client record.
 */
@Service
class PortalInvitations {

    private static final java.time.Duration TTL = java.time.Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final ClientStore clients;
    private final PortalAccounts accounts;
    private final UserAccounts users;
    private final Sessions sessions;
    private final OutboundMail mail;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;

    PortalInvitations(
            JdbcClient jdbc,
            ClientStore clients,
            PortalAccounts accounts,
            UserAccounts users,
            Sessions sessions,
            OutboundMail mail,
            PublicUrl publicUrl,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.audit = audit;
    }

    private record Pending(UUID orgId, UUID clientId, String email) {}

    @Transactional
    void invite(UUID orgId, UUID clientId, UUID by) {
        ClientView client = clients.find(orgId, clientId).orElseThrow(() -> ApiException.notFound("Client"));
        if (client.email() == null) {
            throw ApiException.unprocessable("portal.no_email", "The client has no email address to invite");
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM client_accounts WHERE org_id = :org AND client_id = :c)")
                .param("org", orgId)
                .param("c", clientId)
                .query(Boolean.class)
                .single()) {
            throw ApiException.conflict("portal.already_linked", "This client already has a portal account");
        }
        String token = Secrets.newToken();
        jdbc.sql("""
                INSERT INTO client_portal_invitations (id, org_id, client_id, email, token_hash, expires_at, created_by)
                VALUES (:id, :org, :client, :email, :hash, now() + make_interval(secs => :ttl), :by)
                """)
                .param("id", Ids.newId())
                .param("org", orgId)
                .param("client", clientId)
                .param("email", client.email())
                .param("hash", Secrets.sha256(token))
                .param("ttl", TTL.toSeconds())
                .param("by", by)
                .update();
        mail.enqueue(new AccountEmail(
                AccountEmail.Kind.CLIENT_INVITATION,
                client.email(),
                orgId,
                null,
                null,
                Map.of(
                        "firstName",
                        client.firstName(),
                        "link",
                        publicUrl.app() + "/client-invitation?token=" + token,
                        "token",
                        token)));
        audit.record(AuditRecord.of(orgId, "client.portal_invited", "client", clientId, Map.of()));
    }

    @Transactional
    AuthTokens acceptAsNewUser(String token, String password) {
        Pending p = claim(token);
        ClientView client = clients.find(p.orgId(), p.clientId()).orElseThrow(() -> ApiException.notFound("Client"));
        UserSummary user = users.createVerified(new UserAccounts.NewUser(
                p.email(), password, client.firstName(), client.lastName(), client.mobilePhone()));
        accounts.link(p.orgId(), p.clientId(), user.id());
        return sessions.start(user.id(), p.orgId());
    }

    @Transactional
    AuthTokens acceptAsUser(Caller caller, String token) {
        Pending p = claim(token);
        UserSummary user = users.summaries(List.of(caller.userId())).get(caller.userId());
        if (user == null || user.email() == null || !user.email().equalsIgnoreCase(p.email())) {
            throw ApiException.forbidden(
                    "invitation.wrong_account",
                    "This invitation was sent to another email address; sign in with that account");
        }
        accounts.link(p.orgId(), p.clientId(), caller.userId());
        return sessions.start(caller.userId(), p.orgId());
    }

    private Pending claim(String token) {
        return jdbc.sql("""
                UPDATE client_portal_invitations SET accepted_at = now()
                WHERE token_hash = :hash AND accepted_at IS NULL AND expires_at > now()
                RETURNING org_id, client_id, email
                """)
                .param("hash", Secrets.sha256(token == null ? "" : token))
                .query(Rows.of(Pending.class))
                .optional()
                .orElseThrow(() -> ApiException.badRequest(
                        "invitation.invalid_token", "The invitation is invalid, already used or expired"));
    }
}
