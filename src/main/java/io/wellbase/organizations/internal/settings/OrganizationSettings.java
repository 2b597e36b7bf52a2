package io.wellbase.organizations.internal.settings;

import io.wellbase.organizations.internal.settings.SettingsVocabulary.DateFormat;
import io.wellbase.organizations.internal.settings.SettingsVocabulary.Language;
import io.wellbase.organizations.internal.settings.SettingsVocabulary.TimeFormat;
import io.wellbase.organizations.internal.settings.SettingsVocabulary.WeekStart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization's settings document: its profile (name, time zone, currency, country), branding and locale.
 * The booking rules, notification defaults and billing details stay with the modules that apply them; the
 * document links them ({@link Document#sections}).
 */
final class OrganizationSettings {

    private OrganizationSettings() {}

    static final String COLOR = "^#[0-9a-fA-F]{6}$";

    record Profile(
            @NotBlank @Size(min = 1, max = 200) String name,
            @NotBlank @Size(min = 1, max = 64) String timezone,
            @NotBlank @Pattern(regexp = "^[A-Z]{3}$") String currency,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$") String country) {}

    /** How the organization looks in the portal, e-mails and documents. */
    record Branding(
            @Nullable @Size(min = 1, max = 80) String displayName,
            @NotNull @Pattern(regexp = COLOR) String primaryColor,
            @NotNull @Pattern(regexp = COLOR) String accentColor,
            @Nullable UUID logoFileId,

            @Nullable @Size(max = 200) @Pattern(regexp = "^https://\\S+$")
            String websiteUrl,

            @Nullable @Size(max = 500) String emailSignature) {

        static final Branding DEFAULT = new Branding(null, "#2F6F62", "#D97706", null, null, null);
    }

    /** How dates, times and weeks are shown, and the language of messages to clients. */
    record Locale(
            @NotNull Language language,
            @NotNull DateFormat dateFormat,
            @NotNull TimeFormat timeFormat,
            @NotNull WeekStart weekStartsOn) {

        static Locale defaultFor(String country) {
            Language language = Language.EN;
            boolean american = country.equals("US");
            return new Locale(
                    language,
                    american ? DateFormat.MONTH_DAY_YEAR : DateFormat.DAY_MONTH_YEAR,
                    american ? TimeFormat.HOURS_12 : TimeFormat.HOURS_24,
                    american ? WeekStart.SUNDAY : WeekStart.MONDAY);
        }
    }

    /** The settings kept by other modules, where to read and change them. */
    record Sections(String booking, String notifications, String billing, String clientPortal) {

        static final Sections LINKS = new Sections(
                "/api/v1/scheduling/settings",
                "/api/v1/notifications/settings",
                "/api/v1/billing/settings",
                "/api/v1/join-link");
    }

    /** The whole document; {@code version} changes with every write (send it as If-Match to avoid lost updates). */
    record Document(
            @NotNull @Valid Profile profile,
            @NotNull @Valid Branding branding,
            @NotNull @Valid Locale locale,
            Sections sections,
            long version) {}

    /** A change: the sections present replace the stored ones whole; absent sections stay. */
    record Change(
            @Nullable @Valid Profile profile,
            @Nullable @Valid Branding branding,
            @Nullable @Valid Locale locale) {}
}
