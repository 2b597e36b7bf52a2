package io.wellbase.organizations.internal;

import io.wellbase.identity.UserImports;
import io.wellbase.organizations.MemberImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import org.springframework.stereotype.Component;

/** {@link MemberImports}: the memberships here, the accounts through {@link UserImports}. */
@Component
class MemberImportMerge implements MemberImports {

    private final UserImports accounts;
    private final SearchIndex search;

    MemberImportMerge(UserImports accounts, SearchIndex search) {
        this.accounts = accounts;
        this.search = search;
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.update("""
                ALTER TABLE import_stage ADD COLUMN target_id uuid, ADD COLUMN member_role text,
                                         ADD COLUMN changed boolean NOT NULL DEFAULT false
                """);
        accounts.matchAccounts(sql);
        sql.update("CREATE INDEX ON import_stage (target_id)");
        sql.update("ANALYZE import_stage");
        sql.update("""
                UPDATE import_stage s SET member_role = m.role
                FROM org_members m WHERE m.org_id = :org AND m.user_id = s.target_id
                """);
        sql.reject(
                "target_id IS NOT NULL AND member_role IS NULL",
                "email",
                "email",
                "an account with this email exists outside this organization; invite it from the members page");
        sql.warn("""
                SELECT row_no, role AS value, 'owners keep their role; the row only links the person' AS message
                FROM import_stage WHERE member_role = 'owner' AND role <> 'owner'
                """, "role");
        long created = accounts.createAccounts(sql);
        sql.update("""
                INSERT INTO org_members (org_id, user_id, role)
                SELECT :org, new_id, role FROM import_stage WHERE target_id IS NULL
                """);
        sql.rememberIds("staff", "SELECT ext_id, coalesce(target_id, new_id) FROM import_stage");
        sql.update("""
                WITH moved AS (
                    UPDATE org_members m SET role = s.role, updated_at = now()
                    FROM import_stage s
                    WHERE m.org_id = :org AND m.user_id = s.target_id AND s.member_role <> 'owner' AND m.role <> s.role
                    RETURNING m.user_id
                )
                UPDATE import_stage s SET changed = true FROM moved m WHERE s.target_id = m.user_id
                """);
        accounts.renameUnclaimed(sql);
        search.changed(
                SearchType.STAFF,
                sql.organizationId(),
                sql.ids(
                        "SELECT coalesce(target_id, new_id) FROM import_stage WHERE NOT (target_id IS NOT NULL AND member_role IS NULL)"));
        long updated = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL AND changed");
        long matched = sql.count("SELECT count(*) FROM import_stage WHERE target_id IS NOT NULL");
        return new MergeResult(created, updated, matched - updated);
    }

    @Override
    public void mapStaffNames(ImportStage sql) {
        sql.update("""
                CREATE TEMP TABLE staff_map ON COMMIT DROP AS
                SELECT DISTINCT ON (name_key) name_key, user_id
                FROM (SELECT lower(u.first_name || ' ' || u.last_name) AS name_key, u.id AS user_id, m.created_at
                      FROM org_members m JOIN report_users u ON u.id = m.user_id
                      WHERE m.org_id = :org AND u.erased_at IS NULL
                      UNION ALL
                      SELECT lower(u.last_name || ', ' || u.first_name), u.id, m.created_at
                      FROM org_members m JOIN report_users u ON u.id = m.user_id
                      WHERE m.org_id = :org AND u.erased_at IS NULL) names
                ORDER BY name_key, created_at
                """);
        sql.update("ANALYZE staff_map");
    }

    @Override
    public void warnUnknownStaff(ImportStage sql, String column) {
        sql.warn("""
                SELECT min(s.row_no) AS row_no, min(s.name) AS value,
                       'no staff member is called ' || min(s.name) || '; ' || sum(s.row_count)::bigint
                       || ' rows imported without an instructor (import staff first to link them)' AS message
                FROM (SELECT %1$s AS name, min(row_no) AS row_no, count(*) AS row_count
                      FROM import_stage WHERE %1$s IS NOT NULL GROUP BY %1$s) s
                LEFT JOIN staff_map m ON m.name_key = lower(s.name)
                WHERE m.user_id IS NULL
                GROUP BY lower(s.name)
                """.formatted(column), "staff");
    }
}
