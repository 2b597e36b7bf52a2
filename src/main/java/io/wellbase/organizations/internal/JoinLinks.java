package io.wellbase.organizations.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.Sessions;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.data.Secrets;
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
 * An organization's public join link: anyone with it can sign up (or sign in) and becomes a client
 * of the organization, with a client record of their own. The code can be rotated or switched off.
 */
@Service
class JoinLinks {

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final ClientAccounts clients;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final PublicUrl publicUrl;

    JoinLinks(
            JdbcClient jdbc,
            UserAccounts users,
            ClientAccounts clients,
            Sessions sessions,
            AuditTrail audit,
            PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.clients = clients;
        this.sessions = sessions;
        this.audit = audit;
        this.publicUrl = publicUrl;
    }

    /** The join link as staff see it. */
    record JoinLink(String joinCode, String joinUrl, boolean enabled) {}

    /** What the public join page shows. */
    record JoinPage(String organizationName, String timezone) {}

    /** A new client's account fields. */
    record NewClient(String email, String password, String firstName, String lastName, String phone) {}

    private record Target(UUID orgId, String name, String timezone) {}

    @Transactional
    JoinLink get(UUID orgId) {
        jdbc.sql("""
                INSERT INTO client_portal_settings (org_id, join_code) VALUES (:org, :code)
                ON CONFLICT (org_id) DO NOTHING
                """)
                .param("org", orgId)
                .param("code", Secrets.newToken().substring(0, 12))
                .update();
        return jdbc.sql("SELECT join_code, enabled FROM client_portal_settings WHERE org_id = :org")
                .param("org", orgId)
                .query((rs, n) ->
                        new JoinLink(rs.getString(1), publicUrl.app() + "/join/" + rs.getString(1), rs.getBoolean(2)))
                .single();
    }

    @Transactional
    JoinLink update(UUID orgId, boolean rotate, Boolean enabled) {
        JoinLink current = get(orgId);
        jdbc.sql("""
                UPDATE client_portal_settings SET join_code = :code, enabled = :enabled, updated_at = now()
                WHERE org_id = :org
                """)
                .param("code", rotate ? Secrets.newToken().substring(0, 12) : current.joinCode())
                .param("enabled", enabled == null ? current.enabled() : enabled)
                .param("org", orgId)
                .update();
        JoinLink updated = get(orgId);
        audit.record(AuditRecord.of(
                orgId,
                "organization.join_link_changed",
                "organization",
                orgId,
                Map.of(
                        "rotated",
                        new AuditChange(null, rotate),
                        "enabled",
                        new AuditChange(current.enabled(), updated.enabled()))));
        return updated;
    }

    @Transactional(readOnly = true)
    JoinPage page(String code) {
        Target target = target(code);
        return new JoinPage(target.name(), target.timezone());
    }

    @Transactional
    AuthTokens signUp(String code, NewClient c) {
        Target target = target(code);
        UserSummary user = users.register(
                new UserAccounts.NewUser(c.email(), c.password(), c.firstName(), c.lastName(), c.phone()));
        clients.enroll(target.orgId(), user, c.firstName(), c.lastName(), c.phone());
        return sessions.start(user.id(), target.orgId());
    }

    @Transactional
    AuthTokens join(String code, Caller caller) {
        Target target = target(code);
        UserSummary user = users.summaries(List.of(caller.userId())).get(caller.userId());
        if (user == null) {
            throw ApiException.unauthorized("auth.invalid_token", "The account no longer exists");
        }
        clients.enroll(target.orgId(), user, user.firstName(), user.lastName(), null);
        return sessions.start(user.id(), target.orgId());
    }

    private Target target(String code) {
        return jdbc.sql("""
                SELECT o.id AS org_id, o.name, o.timezone FROM client_portal_settings s
                JOIN organizations o ON o.id = s.org_id
                WHERE s.join_code = :code AND s.enabled
                """)
                .param("code", code == null ? "" : code)
                .query(Rows.of(Target.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Join link"));
    }
}
