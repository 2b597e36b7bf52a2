package io.wellbase.organizations.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.Sessions;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.data.Rows;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.SortSpec;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff list, role changes and removals. Only owners grant or take the owner role, and the
 * last owner can neither be demoted nor removed.
 */
@Service
class MemberService {

    static final SortSpec SORT = SortSpec.of(
            Map.of(
                    "joinedAt",
                    "m.created_at",
                    "role",
                    "m.role",
                    "name",
                    "u.last_name, u.first_name",
                    "email",
                    "u.email"),
            "name",
            "m.user_id");

    private final JdbcClient jdbc;
    private final OrganizationStore organizations;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Sessions sessions;
    private final SearchIndex search;

    MemberService(
            JdbcClient jdbc,
            OrganizationStore organizations,
            UserAccounts users,
            AuditTrail audit,
            Sessions sessions,
            SearchIndex search) {
        this.search = search;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
    }

    /** A member as the API shows it. */
    record Member(UUID userId, String email, String firstName, String lastName, String role, OffsetDateTime joinedAt) {}

    private record MemberRow(UUID userId, String role, OffsetDateTime createdAt) {}

    @Transactional(readOnly = true)
    public PageResult<Member> list(UUID orgId, String role, PageQuery page) {
        String roleFilter = role == null
                ? null
                : Role.parse(role)
                        .map(Role::value)
                        .orElseThrow(() -> ApiException.invalidField("role", "unknown role"));
        List<MemberRow> rows = jdbc.sql("""
                SELECT m.user_id, m.role, m.created_at
                FROM org_members m JOIN report_users u ON u.id = m.user_id
                WHERE m.org_id = :org AND (CAST(:role AS text) IS NULL OR m.role = CAST(:role AS text))
                ORDER BY %s
                LIMIT :limit OFFSET :offset
                """.formatted(page.orderBy(SORT)))
                .param("org", orgId)
                .param("role", roleFilter)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(Rows.of(MemberRow.class))
                .list();
        long total = jdbc.sql("""
                SELECT count(*) FROM org_members m
                WHERE m.org_id = :org AND (CAST(:role AS text) IS NULL OR m.role = CAST(:role AS text))
                """)
                .param("org", orgId)
                .param("role", roleFilter)
                .query(Long.class)
                .single();
        Map<UUID, UserSummary> summaries =
                users.summaries(rows.stream().map(MemberRow::userId).toList());
        return PageResult.of(
                rows.stream().map(r -> member(r, summaries.get(r.userId()))).toList(), page, total);
    }

    @Transactional
    public Member changeRole(Caller caller, UUID userId, Role newRole) {
        UUID orgId = caller.requireOrganization();
        organizations.lock(orgId);
        Role current = organizations.roleOf(userId, orgId).orElseThrow(() -> ApiException.notFound("Member"));
        if (newRole == Role.CLIENT) {
            throw ApiException.invalidField("role", "must be a staff role");
        }
        if ((current == Role.OWNER || newRole == Role.OWNER) && caller.role() != Role.OWNER) {
            throw ApiException.forbidden("organization.owner_only", "Only an owner may grant or take the owner role");
        }
        if (current == Role.OWNER && newRole != Role.OWNER && organizations.countOwners(orgId) <= 1) {
            throw ApiException.conflict("organization.last_owner", "An organization must keep at least one owner");
        }
        jdbc.sql("UPDATE org_members SET role = :role, updated_at = now() WHERE org_id = :org AND user_id = :user")
                .param("role", newRole.value())
                .param("org", orgId)
                .param("user", userId)
                .update();
        search.changed(SearchType.STAFF, orgId, userId);
        sessions.rightsChanged(userId);
        audit.record(AuditRecord.of(
                orgId,
                "member.role_changed",
                "member",
                userId,
                Map.of("role", new AuditChange(current.value(), newRole.value()))));
        return get(orgId, userId);
    }

    @Transactional
    public void remove(Caller caller, UUID userId) {
        UUID orgId = caller.requireOrganization();
        organizations.lock(orgId);
        Role current = organizations.roleOf(userId, orgId).orElseThrow(() -> ApiException.notFound("Member"));
        if (current == Role.OWNER && caller.role() != Role.OWNER) {
            throw ApiException.forbidden("organization.owner_only", "Only an owner may remove an owner");
        }
        if (current == Role.OWNER && organizations.countOwners(orgId) <= 1) {
            throw ApiException.conflict("organization.last_owner", "An organization must keep at least one owner");
        }
        jdbc.sql("DELETE FROM org_members WHERE org_id = :org AND user_id = :user")
                .param("org", orgId)
                .param("user", userId)
                .update();
        search.changed(SearchType.STAFF, orgId, userId);
        sessions.rightsChanged(userId);
        audit.record(AuditRecord.of(
                orgId, "member.removed", "member", userId, Map.of("role", new AuditChange(current.value(), null))));
    }

    private Member get(UUID orgId, UUID userId) {
        MemberRow row = jdbc.sql(
                        "SELECT user_id, role, created_at FROM org_members WHERE org_id = :org AND user_id = :u")
                .param("org", orgId)
                .param("u", userId)
                .query(Rows.of(MemberRow.class))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Member"));
        return member(row, users.summaries(List.of(userId)).get(userId));
    }

    private static Member member(MemberRow row, UserSummary user) {
        return new Member(
                row.userId(),
                user == null ? null : user.email(),
                user == null ? null : user.firstName(),
                user == null ? null : user.lastName(),
                row.role(),
                row.createdAt());
    }
}
