package io.wellbase.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's choices per organization: categories switched off per channel, and quiet hours. */
@Component
class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a user chose; nothing switched off and no quiet hours until they choose. */
    record Choice(Set<String> disabled, @Nullable QuietHours quietHours) {

        static final Choice DEFAULTS = new Choice(Set.of(), null);

        boolean allows(Category category, Channel channel) {
            return category.critical() || !disabled.contains(ChannelSwitches.key(category, channel));
        }
    }

    Choice of(UUID orgId, @Nullable UUID userId) {
        if (userId == null) {
            return Choice.DEFAULTS;
        }
        return jdbc.sql("""
                SELECT disabled, quiet_start, quiet_end, timezone FROM notification_preferences
                WHERE org_id = :org AND user_id = :user
                """)
                .param("org", orgId)
                .param("user", userId)
                .query(Preferences::choice)
                .optional()
                .orElse(Choice.DEFAULTS);
    }

    /** The choices of these users; users who chose nothing get {@link Choice#DEFAULTS}. */
    java.util.Map<UUID, Choice> ofAll(UUID orgId, java.util.Collection<UUID> userIds) {
        java.util.Map<UUID, Choice> choices = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return choices;
        }
        jdbc.sql("""
                SELECT user_id, disabled, quiet_start, quiet_end, timezone FROM notification_preferences
                WHERE org_id = :org AND user_id = ANY (CAST(:users AS uuid[]))
                """)
                .param("org", orgId)
                .param("users", userIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> java.util.Map.entry(rs.getObject("user_id", UUID.class), choice(rs, n)))
                .list()
                .forEach(e -> choices.put(e.getKey(), e.getValue()));
        return choices;
    }

    void save(UUID orgId, UUID userId, Choice choice) {
        QuietHours quiet = choice.quietHours();
        jdbc.sql("""
                INSERT INTO notification_preferences (org_id, user_id, disabled, quiet_start, quiet_end, timezone)
                VALUES (:org, :user, :disabled, :start, :end, :zone)
                ON CONFLICT (org_id, user_id) DO UPDATE SET disabled = excluded.disabled,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                    timezone = excluded.timezone, updated_at = now()
                """)
                .param("org", orgId)
                .param("user", userId)
                .param("disabled", choice.disabled().stream().sorted().toArray(String[]::new))
                .param("start", quiet == null ? null : quiet.start())
                .param("end", quiet == null ? null : quiet.end())
                .param("zone", quiet == null ? null : quiet.zone().getId())
                .update();
    }

    private static Choice choice(ResultSet rs, int n) throws SQLException {
        Set<String> disabled = Optional.ofNullable(rs.getArray("disabled"))
                .map(a -> {
                    try {
                        return Arrays.stream((String[]) a.getArray()).collect(Collectors.toUnmodifiableSet());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .orElse(Set.of());
        LocalTime start = rs.getObject("quiet_start", LocalTime.class);
        QuietHours quiet = start == null
                ? null
                : new QuietHours(
                        start, rs.getObject("quiet_end", LocalTime.class), ZoneId.of(rs.getString("timezone")));
        return new Choice(disabled, quiet);
    }
}
