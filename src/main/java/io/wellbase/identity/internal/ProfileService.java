package io.wellbase.identity.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.identity.UserErased;
import io.wellbase.platform.web.ApiException;
import io.wellbase.search.SearchIndex;
import io.wellbase.search.SearchType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A user's own profile and preferences, and erasure of the account.
 */
@Service
class ProfileService {

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final OrganizationDirectory organizations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final IdentityProperties properties;
    private final SearchIndex search;

    ProfileService(
            UserStore users,
            RefreshTokenStore refreshTokens,
            OrganizationDirectory organizations,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            ObjectMapper objectMapper,
            IdentityProperties properties,
            SearchIndex search) {
        this.search = search;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.organizations = organizations;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    /** The profile as the API shows it. */
    record Profile(
            UUID id,
            String email,
            String firstName,
            String lastName,
            String phone,
            UUID avatarFileId,
            LocalDate birthDate,
            String gender,
            String timezone,
            String language,
            boolean emailVerified) {

        static Profile of(UserStore.UserRow u) {
            return new Profile(
                    u.id(),
                    u.email(),
                    u.firstName(),
                    u.lastName(),
                    u.phone(),
                    u.avatarFileId(),
                    u.birthDate(),
                    u.gender(),
                    u.timezone(),
                    u.language(),
                    u.emailVerifiedAt() != null);
        }

        Map<String, Object> auditable() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("firstName", firstName);
            map.put("lastName", lastName);
            map.put("phone", phone);
            map.put("avatarFileId", avatarFileId);
            map.put("birthDate", birthDate);
            map.put("gender", gender);
            map.put("timezone", timezone);
            map.put("language", language);
            return map;
        }
    }

    /** The fields a PATCH may change; absent (null) fields stay as they are. */
    record ProfilePatch(
            String firstName,
            String lastName,
            String phone,
            UUID avatarFileId,
            LocalDate birthDate,
            String gender,
            String timezone,
            String language) {}

    /** Display and notification preferences plus a free-form settings map. */
    record Preferences(
            String theme, String fontSize, Map<String, Object> notifications, Map<String, Object> settings) {}

    @Transactional(readOnly = true)
    public Profile profile(UUID userId) {
        return Profile.of(user(userId));
    }

    @Transactional
    public Profile updateProfile(UUID userId, ProfilePatch patch) {
        UserStore.UserRow current = user(userId);
        UserStore.UserRow next = new UserStore.UserRow(
                current.id(),
                current.email(),
                current.passwordHash(),
                or(patch.firstName(), current.firstName()),
                or(patch.lastName(), current.lastName()),
                or(patch.phone(), current.phone()),
                or(patch.avatarFileId(), current.avatarFileId()),
                or(patch.birthDate(), current.birthDate()),
                or(patch.gender(), current.gender()),
                or(patch.timezone(), current.timezone()),
                or(patch.language(), current.language()),
                current.emailVerifiedAt(),
                current.erasedAt(),
                current.version());
        users.updateProfile(next);
        if (!next.firstName().equals(current.firstName()) || !next.lastName().equals(current.lastName())) {
            organizations.staffOrganizations(userId).forEach(org -> search.changed(SearchType.STAFF, org, userId));
        }
        Profile before = Profile.of(current);
        Profile after = Profile.of(next);
        audit.record(AuditRecord.of(
                null, "user.profile_updated", "user", userId, AuditChange.diff(before.auditable(), after.auditable())));
        return after;
    }

    @Transactional(readOnly = true)
    public Preferences preferences(UUID userId) {
        user(userId);
        return jdbc.sql(
                        "SELECT theme, font_size, notifications::text, settings::text FROM user_preferences WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Preferences(
                        rs.getString(1), rs.getString(2), readMap(rs.getString(3)), readMap(rs.getString(4))))
                .optional()
                .orElse(new Preferences("system", "medium", Map.of(), Map.of()));
    }

    @Transactional
    public Preferences replacePreferences(UUID userId, Preferences preferences) {
        user(userId);
        String notifications = objectMapper.writeValueAsString(
                preferences.notifications() == null ? Map.of() : preferences.notifications());
        String settings =
                objectMapper.writeValueAsString(preferences.settings() == null ? Map.of() : preferences.settings());
        if (notifications.length() + settings.length() > properties.maxPreferencesBytes()) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                    "preferences.too_large",
                    "Preferences may take at most " + properties.maxPreferencesBytes() + " bytes");
        }
        Preferences before = preferences(userId);
        jdbc.sql("""
                INSERT INTO user_preferences (user_id, theme, font_size, notifications, settings, updated_at)
                VALUES (:u, :theme, :font, CAST(:notifications AS jsonb), CAST(:settings AS jsonb), now())
                ON CONFLICT (user_id) DO UPDATE SET theme = excluded.theme, font_size = excluded.font_size,
                    notifications = excluded.notifications, settings = excluded.settings, updated_at = now()
                """)
                .param("u", userId)
                .param("theme", preferences.theme())
                .param("font", preferences.fontSize())
                .param("notifications", notifications)
                .param("settings", settings)
                .update();
        Preferences after = preferences(userId);
        audit.record(AuditRecord.of(
                null,
                "user.preferences_replaced",
                "user",
                userId,
                AuditChange.diff(
                        Map.of("theme", before.theme(), "fontSize", before.fontSize()),
                        Map.of("theme", after.theme(), "fontSize", after.fontSize()))));
        return after;
    }

    @Transactional
    public void erase(UUID userId) {
        user(userId);
        organizations.releaseUser(userId);
        refreshTokens.revokeAll(userId);
        users.anonymise(userId);
        audit.record(AuditRecord.of(null, "user.erased", "user", userId, Map.of()));
        events.publishEvent(new UserErased(userId));
    }

    private Map<String, Object> readMap(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = objectMapper.readValue(json, Map.class);
        return map;
    }

    private UserStore.UserRow user(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> ApiException.unauthorized("auth.invalid_token", "The account no longer exists"));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
