package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.RecordSchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * A user's own display settings, typed and validated (docs/settings.md), beside the free-form preferences: how
 * dates, times and weeks are shown to them (empty: as their organization shows them) and their calendar's view.
 */
@RestController
@Tag(name = "Profile")
class UserSettingsController {

    /** A user's settings; a null format follows the organization's locale. */
    record UserSettings(
            @Nullable @Pattern(regexp = "day_month_year|month_day_year|year_month_day")
            String dateFormat,

            @Nullable @Pattern(regexp = "24h|12h") String timeFormat,

            @Nullable @Pattern(regexp = "monday|sunday|saturday")
            String weekStartsOn,

            @NotNull @Pattern(regexp = "day|week|month|list")
            String calendarView,

            @NotNull Boolean compactLists) {

        static final UserSettings DEFAULT = new UserSettings(null, null, null, "week", false);
    }

    private static final Map<String, Object> SCHEMA = RecordSchema.of(UserSettings.class, "Wellbase user settings");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    UserSettingsController(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/v1/users/me/settings")
    @Operation(summary = "The signed-in user's display settings (defaults until changed)")
    UserSettings read(Caller caller) {
        return read(caller.userId());
    }

    @GetMapping("/api/v1/users/me/settings/schema")
    @Operation(summary = "The JSON Schema of the user settings")
    Map<String, Object> schema() {
        return SCHEMA;
    }

    @PutMapping("/api/v1/users/me/settings")
    @Transactional
    @Operation(summary = "Replace the signed-in user's display settings")
    UserSettings replace(Caller caller, @Valid @RequestBody UserSettings settings) {
        jdbc.sql("""
                INSERT INTO user_settings (user_id, settings) VALUES (:user, CAST(:settings AS jsonb))
                ON CONFLICT (user_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()
                """)
                .param("user", caller.userId())
                .param("settings", json.writeValueAsString(settings))
                .update();
        return read(caller.userId());
    }

    private UserSettings read(UUID userId) {
        return jdbc.sql("SELECT settings::text FROM user_settings WHERE user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, UserSettings.class))
                .orElse(UserSettings.DEFAULT);
    }
}
