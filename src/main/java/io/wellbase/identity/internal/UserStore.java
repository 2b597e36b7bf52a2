package io.wellbase.identity.internal;

import io.wellbase.identity.UserSummary;
import io.wellbase.platform.data.Ids;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for the users table. Emails are unique regardless of case through {@code email_normalized}.
 */
@Component
class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user row. */
    record UserRow(
            UUID id,
            String email,
            String passwordHash,
            String firstName,
            String lastName,
            String phone,
            UUID avatarFileId,
            LocalDate birthDate,
            String gender,
            String timezone,
            String language,
            OffsetDateTime emailVerifiedAt,
            OffsetDateTime erasedAt,
            long version) {

        UserSummary summary() {
            return new UserSummary(id, email, firstName, lastName, emailVerifiedAt != null);
        }
    }

    private static final String COLUMNS = """
            SELECT id, email, password_hash, first_name, last_name, phone, avatar_file_id, birth_date, gender, timezone,
                   language, email_verified_at, erased_at, version
            FROM users
            """;

    /** Hand-written: this mapper sits on the hot path of every signed-in request that reads the user. */
    private static final org.springframework.jdbc.core.RowMapper<UserRow> ROW = (rs, n) -> new UserRow(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getObject(7, UUID.class),
            rs.getObject(8, LocalDate.class),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getObject(12, OffsetDateTime.class),
            rs.getObject(13, OffsetDateTime.class),
            rs.getLong(14));

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    UUID insert(
            String email, String passwordHash, String firstName, String lastName, String phone, boolean emailVerified) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO users (id, email, email_normalized, password_hash, first_name, last_name, phone,
                                   email_verified_at)
                VALUES (:id, :email, :normalized, :hash, :first, :last, :phone,
                        CASE WHEN :verified THEN now() END)
                """)
                .param("id", id)
                .param("email", email.trim())
                .param("normalized", normalize(email))
                .param("hash", passwordHash)
                .param("first", firstName)
                .param("last", lastName)
                .param("phone", phone)
                .param("verified", emailVerified)
                .update();
        return id;
    }

    /** A new anonymous account: a handle, no email. */
    UUID insertAnonymous(String handle, String passwordHash, String recoveryHash) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO users (id, handle, password_hash, recovery_code_hash, first_name, last_name)
                VALUES (:id, :handle, :hash, :recovery, :handle, '')
                """)
                .param("id", id)
                .param("handle", handle)
                .param("hash", passwordHash)
                .param("recovery", recoveryHash)
                .update();
        return id;
    }

    boolean handleTaken(String handle) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE handle = :h)")
                .param("h", handle)
                .query(Boolean.class)
                .single();
    }

    /** An anonymous account by its handle: its id, password hash and recovery code hash. */
    record Anonymous(UUID id, String passwordHash, String recoveryHash, String email) {}

    Optional<Anonymous> findByHandle(String handle) {
        return jdbc.sql("""
                SELECT id, password_hash, recovery_code_hash, email FROM users
                WHERE handle = :h AND erased_at IS NULL AND password_hash IS NOT NULL
                """)
                .param("h", handle)
                .query((rs, n) ->
                        new Anonymous(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    void updateRecoveryHash(UUID id, String hash) {
        jdbc.sql("UPDATE users SET recovery_code_hash = :h, updated_at = now() WHERE id = :id")
                .param("h", hash)
                .param("id", id)
                .update();
    }

    /** Attaches an email to an account that has none; false when it has one already. */
    boolean attachEmail(UUID id, String email) {
        return jdbc.sql("""
                UPDATE users SET email = :email, email_normalized = :normalized, email_verified_at = NULL,
                    updated_at = now()
                WHERE id = :id AND email IS NULL AND erased_at IS NULL
                """)
                        .param("email", email.trim())
                        .param("normalized", normalize(email))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email_normalized = :e)")
                .param("e", normalize(email))
                .query(Boolean.class)
                .single();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql(COLUMNS + " WHERE email_normalized = :e AND erased_at IS NULL")
                .param("e", normalize(email))
                .query(ROW)
                .optional();
    }

    /** The organization the user last signed in to or switched to, if any. */
    Optional<UUID> lastOrganization(UUID id) {
        return jdbc.sql("SELECT last_org_id FROM users WHERE id = :id AND last_org_id IS NOT NULL")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    void rememberOrganization(UUID id, UUID orgId) {
        jdbc.sql("UPDATE users SET last_org_id = :org WHERE id = :id AND last_org_id IS DISTINCT FROM :org")
                .param("org", orgId)
                .param("id", id)
                .update();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id AND erased_at IS NULL")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    List<UserRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    void updatePassword(UUID id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :h, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("h", hash)
                .param("id", id)
                .update();
    }

    void markEmailVerified(UUID id) {
        jdbc.sql(
                        "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    void updateProfile(UserRow row) {
        jdbc.sql("""
                UPDATE users SET first_name = :first, last_name = :last, phone = :phone, avatar_file_id = :avatar,
                                 birth_date = :birth, gender = :gender, timezone = :tz, language = :lang,
                                 updated_at = now(), version = version + 1
                WHERE id = :id
                """)
                .param("first", row.firstName())
                .param("last", row.lastName())
                .param("phone", row.phone())
                .param("avatar", row.avatarFileId())
                .param("birth", row.birthDate())
                .param("gender", row.gender())
                .param("tz", row.timezone())
                .param("lang", row.language())
                .param("id", row.id())
                .update();
    }

    /** Replaces personal data with placeholders; the id stays so audit entries still resolve. */
    void anonymise(UUID id) {
        jdbc.sql("""
                UPDATE users SET email = NULL, email_normalized = NULL, password_hash = NULL,
                                 first_name = 'Deleted', last_name = 'user', phone = NULL, avatar_file_id = NULL,
                                 birth_date = NULL, gender = NULL, timezone = NULL, language = NULL,
                                 erased_at = now(), updated_at = now(), version = version + 1
                WHERE id = :id
                """).param("id", id).update();
        jdbc.sql("DELETE FROM user_preferences WHERE user_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM one_time_tokens WHERE user_id = :id")
                .param("id", id)
                .update();
    }
}
