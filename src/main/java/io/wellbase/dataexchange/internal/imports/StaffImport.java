package io.wellbase.dataexchange.internal.imports;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Staff. A new person becomes a user without a password who is a member of the organization with
 * the role given (staff unless said otherwise); with an email they sign in by "forgot password",
 * which proves the address is theirs. A person whose email already has an account outside this
 * organization is reported, never added silently (invite them instead). Owners are never created
 * or changed by an import.
 */
@Component
class StaffImport implements KindImport {

    @Override
    public ImportKind kind() {
        return ImportKind.STAFF;
    }

    @Override
    public String stagingColumns() {
        return "ext_id text, first_name text, last_name text, email text, role text";
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String first = row.limited("firstName", 100);
        String last = row.limited("lastName", 100);
        if (first == null || last == null) {
            throw row.problem(first == null ? "firstName" : "lastName", null, "is empty");
        }
        String email = row.email("email");
        String id = row.limited("externalId", 100);
        String key = id != null ? id : email != null ? "email:" + email.toLowerCase(Locale.ROOT)
                : ("name:" + first + " " + last).toLowerCase(Locale.ROOT);
        return new Object[] {key, first, last, email, role(row)};
    }

    private static String role(ImportRow row) throws RowProblem {
        String value = row.text("role");
        if (value == null) {
            return "staff";
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("owner")) {
            throw row.problem("role", value, "owners are not imported; the organization's owners invite each other");
        }
        if (v.contains("admin")) {
            return "admin";
        }
        if (v.contains("manager")) {
            return "manager";
        }
        if (v.contains("front") || v.contains("desk") || v.contains("reception")) {
            return "front_desk";
        }
        if (v.matches(".*(staff|teacher|instructor|trainer|coach|therapist|practitioner|employee).*")) {
            return "staff";
        }
        throw row.problem("role", value, "is not a role (admin, manager, staff, front desk)");
    }

    @Override
    public ImportCounts merge(MergeSql sql) {
        sql.rejectDuplicates("ext_id", "externalId");
        sql.rejectDuplicates("import_stage", "lower(email)", "email", "email", "the same email is on row %s; only the first is imported");
        sql.update("ALTER TABLE import_stage ADD COLUMN target_id uuid, ADD COLUMN member_role text");
        sql.update("""
                UPDATE import_stage s SET target_id = u.id
                FROM import_keys k JOIN users u ON u.id = k.entity_id
                WHERE k.org_id = :org AND k.entity_type = 'staff' AND k.external_id = s.ext_id AND u.erased_at IS NULL
                """);
        sql.update("""
                UPDATE import_stage s SET target_id = u.id
                FROM users u
                WHERE s.target_id IS NULL AND s.email IS NOT NULL AND u.email_normalized = lower(trim(s.email))
                  AND u.erased_at IS NULL
                """);
        sql.update("CREATE INDEX ON import_stage (target_id)");
        sql.update("ANALYZE import_stage");
        sql.update("""
                UPDATE import_stage s SET member_role = m.role
                FROM org_members m WHERE m.org_id = :org AND m.user_id = s.target_id
                """);
        sql.reject("target_id IS NOT NULL AND member_role IS NULL", "email", "email",
                "an account with this email exists outside this organization; invite it from the members page");
        sql.warn("""
                SELECT row_no, role AS value, 'owners keep their role; the row only links the person' AS message
                FROM import_stage WHERE member_role = 'owner' AND role <> 'owner'
                """, "role");
        long created = sql.update("""
                INSERT INTO users (id, email, email_normalized, first_name, last_name)
                SELECT new_id, email, lower(trim(email)), first_name, last_name FROM import_stage WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO org_members (org_id, user_id, role)
                SELECT :org, new_id, role FROM import_stage WHERE target_id IS NULL
                """);
        sql.update("""
                INSERT INTO import_keys (org_id, entity_type, external_id, entity_id)
                SELECT :org, 'staff', ext_id, coalesce(target_id, new_id) FROM import_stage
                ON CONFLICT (org_id, entity_type, external_id) DO UPDATE SET entity_id = EXCLUDED.entity_id
                """);
        sql.update("""
                UPDATE org_members m SET role = s.role, updated_at = now()
                FROM import_stage s
                WHERE m.org_id = :org AND m.user_id = s.target_id AND s.member_role <> 'owner' AND m.role <> s.role
                """);
        sql.update("""
                UPDATE users u SET first_name = s.first_name, last_name = s.last_name, updated_at = now()
                FROM import_stage s
                WHERE u.id = s.target_id AND u.password_hash IS NULL AND (u.first_name, u.last_name) IS DISTINCT FROM (s.first_name, s.last_name)
                """);
        long updated = sql.count("""
                SELECT count(*) FROM import_stage s JOIN users u ON u.id = s.target_id
                JOIN org_members m ON m.org_id = :org AND m.user_id = u.id
                WHERE u.updated_at = now() OR m.updated_at = now()
                """);
        long matched = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL");
        return new ImportCounts(created, updated, matched - updated, 0, 0);
    }
}
