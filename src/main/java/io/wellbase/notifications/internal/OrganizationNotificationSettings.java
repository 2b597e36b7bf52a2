package io.wellbase.notifications.internal;

import io.wellbase.organizations.OrganizationProfiles;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per organization: the reminder offsets (minutes before the start), the categories switched off, the
 * language, the optional messages, and the look of its email (logo, accent colour).
 */
@Component
class OrganizationNotificationSettings {

    static final Settings DEFAULTS = new Settings(List.of(1440, 120), Set.of(), Set.of(), "en", null, null, null, null);

    /** How long another node may use settings changed here (this node drops them at once). */
    static final java.time.Duration CACHED_FOR = java.time.Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final com.github.benmanes.caffeine.cache.Cache<UUID, Settings> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(CACHED_FOR)
                    .maximumSize(10_000)
                    .build();

    private final OrganizationProfiles organizations;

    OrganizationNotificationSettings(JdbcClient jdbc, OrganizationProfiles organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    record Settings(
            List<Integer> reminderOffsets,
            Set<String> disabledCategories,
            Set<String> disabledChannels,
            String language,
            @org.jspecify.annotations.Nullable Integer missYouDays,
            @org.jspecify.annotations.Nullable Integer followUpHours,
            @org.jspecify.annotations.Nullable String logoUrl,
            @org.jspecify.annotations.Nullable String brandColor) {

        boolean allows(Category category) {
            return category.critical() || !disabledCategories.contains(category.value());
        }

        /** Whether the organization sends this category on this channel (critical ones always). */
        boolean allows(Category category, Channel channel) {
            return allows(category)
                    && (category.critical() || !disabledChannels.contains(ChannelSwitches.key(category, channel)));
        }
    }

    /** Read on every message and reminder: kept for {@link #CACHED_FOR}, dropped on this node by a change. */
    Settings of(UUID orgId) {
        return cache.get(orgId, this::read);
    }

    private Settings read(UUID orgId) {
        return jdbc.sql("""
                        SELECT reminder_offsets, disabled_categories, disabled_channels, language, miss_you_days, follow_up_hours,
                               logo_url, brand_color
                        FROM notification_settings WHERE org_id = :org""")
                .param("org", orgId)
                .query((rs, n) -> new Settings(
                        Arrays.stream((Integer[]) array(rs.getArray("reminder_offsets")))
                                .toList(),
                        Arrays.stream((String[]) array(rs.getArray("disabled_categories")))
                                .collect(Collectors.toUnmodifiableSet()),
                        Arrays.stream((String[]) array(rs.getArray("disabled_channels")))
                                .collect(Collectors.toUnmodifiableSet()),
                        rs.getString("language"),
                        rs.getObject("miss_you_days", Integer.class),
                        rs.getObject("follow_up_hours", Integer.class),
                        rs.getString("logo_url"),
                        rs.getString("brand_color")))
                .optional()
                .orElseGet(() -> defaultsOf(orgId));
    }

    /** Until an owner saves these settings, messages are written in the organization's own language (its locale). */
    private Settings defaultsOf(UUID orgId) {
        String language = organizations
                .find(orgId)
                .map(OrganizationProfiles.Profile::language)
                .orElse(DEFAULTS.language());
        return new Settings(
                DEFAULTS.reminderOffsets(),
                DEFAULTS.disabledCategories(),
                DEFAULTS.disabledChannels(),
                language,
                DEFAULTS.missYouDays(),
                DEFAULTS.followUpHours(),
                DEFAULTS.logoUrl(),
                DEFAULTS.brandColor());
    }

    void save(UUID orgId, Settings settings) {
        jdbc.sql("""
                INSERT INTO notification_settings (org_id, reminder_offsets, disabled_categories, disabled_channels, language, miss_you_days,
                                                   follow_up_hours, logo_url, brand_color)
                VALUES (:org, :offsets, :disabled, :channels, :language, :missYou, :followUp, :logo, :color)
                ON CONFLICT (org_id) DO UPDATE SET reminder_offsets = excluded.reminder_offsets,
                    disabled_categories = excluded.disabled_categories, disabled_channels = excluded.disabled_channels,
                    language = excluded.language,
                    miss_you_days = excluded.miss_you_days, follow_up_hours = excluded.follow_up_hours,
                    logo_url = excluded.logo_url, brand_color = excluded.brand_color, updated_at = now()
                """)
                .param("org", orgId)
                .param("offsets", settings.reminderOffsets().toArray(Integer[]::new))
                .param("language", settings.language())
                .param("missYou", settings.missYouDays())
                .param("followUp", settings.followUpHours())
                .param("logo", settings.logoUrl())
                .param("channels", settings.disabledChannels().stream().sorted().toArray(String[]::new))
                .param("color", settings.brandColor())
                .param(
                        "disabled",
                        settings.disabledCategories().stream().sorted().toArray(String[]::new))
                .update();
        // dropped now for this transaction's own reads, and again after the commit, since another thread may
        // have read the old row in between
        cache.invalidate(orgId);
        io.wellbase.platform.data.AfterCommit.run(() -> cache.invalidate(orgId));
    }

    /** The organizations that send "we miss you", with their number of days. */
    java.util.Map<UUID, Integer> missYou() {
        java.util.Map<UUID, Integer> found = new java.util.HashMap<>();
        jdbc.sql("SELECT org_id, miss_you_days FROM notification_settings WHERE miss_you_days IS NOT NULL")
                .query((rs, n) -> java.util.Map.entry(rs.getObject("org_id", UUID.class), rs.getInt("miss_you_days")))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
