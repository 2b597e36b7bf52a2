package io.wellbase.identity.internal;

import io.wellbase.identity.UserImports;
import io.wellbase.platform.imports.ImportStage;
import org.springframework.stereotype.Component;

/** {@link UserImports}: set-based SQL over the staged staff rows, inside the import's transaction. */
@Component
class UserImportMerge implements UserImports {

    @Override
    public void matchAccounts(ImportStage sql) {
        sql.update("""
                UPDATE import_stage s SET target_id = u.id
                FROM %s k JOIN users u ON u.id = k.entity_id
                WHERE k.external_id = s.ext_id AND u.erased_at IS NULL
                """.formatted(sql.importedIds("staff")));
        sql.update("""
                UPDATE import_stage s SET target_id = u.id
                FROM users u
                WHERE s.target_id IS NULL AND s.email IS NOT NULL AND u.email_normalized = lower(trim(s.email))
                  AND u.erased_at IS NULL
                """);
    }

    @Override
    public long createAccounts(ImportStage sql) {
        return sql.update("""
                INSERT INTO users (id, email, email_normalized, first_name, last_name)
                SELECT new_id, email, lower(trim(email)), first_name, last_name FROM import_stage WHERE target_id IS NULL
                """);
    }

    @Override
    public void renameUnclaimed(ImportStage sql) {
        sql.update("""
                WITH renamed AS (
                    UPDATE users u SET first_name = s.first_name, last_name = s.last_name, updated_at = now()
                    FROM import_stage s
                    WHERE u.id = s.target_id AND u.password_hash IS NULL
                      AND (u.first_name, u.last_name) IS DISTINCT FROM (s.first_name, s.last_name)
                    RETURNING u.id
                )
                UPDATE import_stage s SET changed = true FROM renamed r WHERE s.target_id = r.id
                """);
    }
}
