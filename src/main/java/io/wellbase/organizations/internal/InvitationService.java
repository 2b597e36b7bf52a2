package io.wellbase.organizations.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.Sessions;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.organizations.OrganizationsProperties;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.data.Secrets;
import io.wellbase.platform.mail.AccountEmail;
import io.wellbase.platform.mail.OutboundMail;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.PublicUrl;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: an emailed single-use link that an existing user (signed in with the invited email)
 * or a new user (creating their account with it) accepts to join with the invited role.
 */
@Service
class InvitationService {

    private final JdbcClient jdbc;
    private final OrganizationStore organizations;
    private final UserAccounts users;
    private final Sessions sessions;
    private final OutboundMail mail;
    private final AuditTrail audit;
    private final OrganizationsProperties properties;
    private final PublicUrl publicUrl;

    InvitationService(
            JdbcClient jdbc,
            OrganizationStore organizations,
            UserAccounts users,
            Sessions sessions,
            OutboundMail mail,
            AuditTrail audit,
            OrganizationsProperties properties,
            PublicUrl publicUrl) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.users = users;
        this.sessions = sessions;
        this.mail = mail;
        this.audit = audit;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    /** An invitation as the API shows it; the token itself only travels by email. */
    record Invitation(
            UUID id, String email, String role, String status, OffsetDateTime expiresAt, OffsetDateTime createdAt) {}

    private record Pending(UUID id, UUID orgId, String email, String role) {}

    @Transactional
    public Invitation invite(Caller caller, String email, Role role) {
        UUID orgId = caller.requireOrganization();
        if (role == Role.CLIENT) {
            throw ApiException.invalidField("role", "must be a staff role");
        }
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw ApiException.forbidden("organization.owner_only", "Only an owner may invite an owner");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        users.findByEmail(normalized)
                .flatMap(u -> organizations.roleOf(u.id(), orgId))
                .ifPresent(r -> {
                    throw ApiException.conflict("invitation.already_member", "This person is already a member");
                });
        UUID id = Ids.newId();
        String token = Secrets.newToken();
        jdbc.sql("""
                INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, expires_at)
                VALUES (:id, :org, :email, :role, :hash, :by, now() + make_interval(secs => :ttl))
                """)
                .param("id", id)
                .param("org", orgId)
                .param("email", normalized)
                .param("role", role.value())
                .param("hash", Secrets.sha256(token))
                .param("by", caller.userId())
                .param("ttl", properties.invitationTtl().toSeconds())
                .update();
        mail.enqueue(new AccountEmail(
                AccountEmail.Kind.STAFF_INVITATION,
                normalized,
                orgId,
                null,
                null,
                Map.of(
                        "role",
                        role.value(),
                        "link",
                        publicUrl.app() + "/accept-invitation?token=" + token,
                        "token",
                        token,
                        "days",
                        String.valueOf(properties.invitationTtl().toDays()))));
        audit.record(AuditRecord.of(
                orgId,
                "invitation.created",
                "invitation",
                id,
                AuditChange.created(Map.of("email", normalized, "role", role.value()))));
        return get(orgId, id);
    }

    @Transactional(readOnly = true)
    public PageResult<Invitation> list(UUID orgId, PageQuery page) {
        List<Invitation> rows = jdbc.sql(
                        SELECT + " WHERE org_id = :org ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("org", orgId)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(Rows.of(Invitation.class))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM invitations WHERE org_id = :org")
                .param("org", orgId)
                .query(Long.class)
                .single();
        return PageResult.of(rows, page, total);
    }

    @Transactional
    public void revoke(UUID orgId, UUID id) {
        int updated = jdbc.sql("""
                UPDATE invitations SET revoked_at = now()
                WHERE org_id = :org AND id = :id AND %s IN (:from)
                """.formatted(InvitationStatus.SQL))
                .param("org", orgId)
                .param("id", id)
                .param("from", InvitationStatus.REVOKED.reachableFrom())
                .update();
        if (updated == 0) {
            Invitation current = get(orgId, id);
            throw ApiException.conflict("invitation.not_pending", "The invitation is already " + current.status());
        }
        audit.record(AuditRecord.of(orgId, "invitation.revoked", "invitation", id, Map.of()));
    }

    /** An existing, signed-in user accepts; the invitation must be for their email. */
    @Transactional
    public AuthTokens acceptAsUser(Caller caller, String token) {
        Pending invitation = claim(token);
        UserSummary user = users.summaries(List.of(caller.userId())).get(caller.userId());
        if (user == null || user.email() == null || !user.email().equalsIgnoreCase(invitation.email())) {
            throw ApiException.forbidden(
                    "invitation.wrong_account",
                    "This invitation was sent to another email address; sign in with that account");
        }
        return join(invitation, caller.userId());
    }

    /** A new user creates their account with the invited email and joins at once. */
    @Transactional
    public AuthTokens acceptAsNewUser(String token, String firstName, String lastName, String password) {
        Pending invitation = claim(token);
        UserSummary user =
                users.createVerified(new UserAccounts.NewUser(invitation.email(), password, firstName, lastName, null));
        return join(invitation, user.id());
    }

    private Pending claim(String token) {
        return jdbc.sql("""
                UPDATE invitations SET accepted_at = now()
                WHERE token_hash = :hash AND %s IN (:from)
                RETURNING id, org_id, email, role
                """.formatted(InvitationStatus.SQL))
                .param("hash", Secrets.sha256(token == null ? "" : token))
                .param("from", InvitationStatus.ACCEPTED.reachableFrom())
                .query(Rows.of(Pending.class))
                .optional()
                .orElseThrow(() -> ApiException.badRequest(
                        "invitation.invalid_token", "The invitation is invalid, already used, revoked or expired"));
    }

    private AuthTokens join(Pending invitation, UUID userId) {
        Role role = Role.parse(invitation.role()).orElseThrow();
        organizations.addMember(invitation.orgId(), userId, role);
        jdbc.sql("UPDATE invitations SET accepted_by = :u WHERE id = :id")
                .param("u", userId)
                .param("id", invitation.id())
                .update();
        audit.record(AuditRecord.of(
                        invitation.orgId(),
                        "invitation.accepted",
                        "member",
                        userId,
                        Map.of("role", new AuditChange(null, role.value())))
                .byActor(userId));
        return sessions.start(userId, invitation.orgId());
    }

    private static final String SELECT = """
            SELECT id, email, role, %s AS status, expires_at, created_at
            FROM invitations
            """.formatted(InvitationStatus.SQL);

    private Invitation get(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " WHERE org_id = :org AND id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(Rows.of(Invitation.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Invitation"));
    }
}
