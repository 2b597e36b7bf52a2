package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The typed settings documents: the organization's (defaults from its country, sections replaced whole, every
 * field validated, If-Match against lost updates, members read and owners/admins write, audited) and the user's own.
 */
class OrganizationSettingsIntegrationTests extends OrganizationTest {

    private static final Map<String, Object> BRANDING = Map.of(
            "displayName",
            "Lotus",
            "primaryColor",
            "#112233",
            "accentColor",
            "#AABBCC",
            "websiteUrl",
            "https://lotus.example.test");

    @Test
    void defaultsComeFromTheCountryAndSectionsAreReplacedWhole() {
        Owner owner = ownerWithOrganization("Settings Studio");
        Api.Response read = api.get("/api/v1/organization/settings", owner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.field("profile.name")).isEqualTo("Settings Studio");
        assertThat(read.field("profile.currency")).isEqualTo("EUR");
        assertThat(read.field("locale.language")).isEqualTo("en");
        assertThat(read.field("locale.dateFormat")).isEqualTo("day_month_year");
        assertThat(read.field("locale.weekStartsOn")).isEqualTo("monday");
        assertThat(read.field("branding.primaryColor")).isEqualTo("#2F6F62");
        assertThat(read.field("sections.booking")).isEqualTo("/api/v1/scheduling/settings");
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();

        Api.Response changed = api.send(
                "PATCH",
                "/api/v1/organization/settings",
                Map.of(
                        "branding",
                        BRANDING,
                        "locale",
                        Map.of(
                                "language", "en",
                                "dateFormat", "year_month_day",
                                "timeFormat", "12h",
                                "weekStartsOn", "sunday")),
                owner.token(),
                Map.of("If-Match", etag));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.field("locale.timeFormat")).isEqualTo("12h");
        assertThat(changed.field("branding.displayName")).isEqualTo("Lotus");
        assertThat(changed.field("profile.name")).isEqualTo("Settings Studio");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        Api.Response stale = api.send(
                "PATCH",
                "/api/v1/organization/settings",
                Map.of("branding", BRANDING),
                owner.token(),
                Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field("code")).isEqualTo("conflict.stale_version");

        Api.Response profile = api.patch(
                "/api/v1/organization/settings",
                Map.of(
                        "profile",
                        Map.of(
                                "name",
                                "Renamed Studio",
                                "timezone",
                                "Europe/Vienna",
                                "currency",
                                "CHF",
                                "country",
                                "AT")),
                owner.token());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + owner.orgId(), owner.token())
                        .field("currency"))
                .isEqualTo("CHF");
        assertThat(profile.field("locale.timeFormat")).as("other sections stay").isEqualTo("12h");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE org_id = :o AND action = 'organization.settings_changed'")
                        .param("o", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void everyFieldIsValidatedAndNothingChangesOnBadInput() {
        Owner owner = ownerWithOrganization("Strict Settings");
        String before = api.get("/api/v1/organization/settings", owner.token()).text();
        List<Map<String, Object>> bad = List.of(
                Map.of("branding", Map.of("primaryColor", "red", "accentColor", "#AABBCC")),
                Map.of("branding", Map.of("primaryColor", "#112233")),
                Map.of(
                        "branding",
                        Map.of("primaryColor", "#112233", "accentColor", "#AABBCC", "websiteUrl", "http://plain.test")),
                Map.of(
                        "branding",
                        Map.of(
                                "primaryColor", "#112233",
                                "accentColor", "#AABBCC",
                                "logoFileId", "01a23d6c-2020-7b70-8db4-4e172a9b6812")),
                Map.of(
                        "locale",
                        Map.of(
                                "language",
                                "xx",
                                "dateFormat",
                                "year_month_day",
                                "timeFormat",
                                "12h",
                                "weekStartsOn",
                                "sunday")),
                Map.of("locale", Map.of("language", "en")),
                Map.of("profile", Map.of("name", "X", "timezone", "Mars/Base", "currency", "EUR", "country", "DE")),
                Map.of("profile", Map.of("name", "X", "timezone", "Europe/Berlin", "currency", "XYZ", "country", "DE")),
                Map.of("colour", "#000000"));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.patch("/api/v1/organization/settings", body, owner.token());
            assertThat(r.status()).as(body + " " + r).isEqualTo(400);
        }
        assertThat(api.send("PATCH", "/api/v1/organization/settings", Map.of(), owner.token(), Map.of("If-Match", "x"))
                        .field("code"))
                .isEqualTo("request.invalid_if_match");
        assertThat(api.get("/api/v1/organization/settings", owner.token()).text())
                .isEqualTo(before);

        Member staff = memberWithRole(owner, "staff");
        assertThat(api.get("/api/v1/organization/settings", staff.token()).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/v1/organization/settings", Map.of("branding", BRANDING), staff.token())
                        .status())
                .isEqualTo(403);

        JsonNode schema =
                api.get("/api/v1/organization/settings/schema", staff.token()).json();
        assertThat(schema.path("$schema").asString()).contains("2020-12");
        assertThat(schema.path("properties")
                        .path("branding")
                        .path("properties")
                        .path("primaryColor")
                        .path("pattern")
                        .asString())
                .isEqualTo("^#[0-9a-fA-F]{6}$");
        assertThat(schema.path("properties")
                        .path("locale")
                        .path("properties")
                        .path("language")
                        .path("enum"))
                .hasSize(4);
    }

    @Test
    void aUserKeepsTheirOwnDisplaySettings() {
        Owner owner = ownerWithOrganization("User Settings");
        Api.Response defaults = api.get("/api/v1/users/me/settings", owner.token());
        assertThat(defaults.field("calendarView")).isEqualTo("week");
        assertThat(defaults.json().path("dateFormat").isMissingNode()
                        || defaults.json().path("dateFormat").isNull())
                .isTrue();
        Map<String, Object> mine = Map.of(
                "dateFormat", "month_day_year", "timeFormat", "12h", "calendarView", "day", "compactLists", true);
        Api.Response saved = api.put("/api/v1/users/me/settings", mine, owner.token());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me/settings", owner.token()).field("calendarView"))
                .isEqualTo("day");
        assertThat(api.put(
                                "/api/v1/users/me/settings",
                                Map.of("calendarView", "year", "compactLists", false),
                                owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/users/me/settings", owner.token()).field("timeFormat"))
                .isEqualTo("12h");
        Member other = memberWithRole(owner, "staff");
        assertThat(api.get("/api/v1/users/me/settings", other.token()).field("calendarView"))
                .isEqualTo("week");
        assertThat(api.get("/api/v1/users/me/settings/schema", other.token())
                        .json()
                        .path("required"))
                .hasSize(2);
    }

    @Test
    void untilTheNotificationSettingsAreSavedMessagesFollowTheLocalesLanguage() {
        Owner owner = ownerWithOrganization("Locale Language Studio");
        Api.Response changed = api.patch(
                "/api/v1/organization/settings",
                Map.of(
                        "locale",
                        Map.of(
                                "language", "fr",
                                "dateFormat", "day_month_year",
                                "timeFormat", "24h",
                                "weekStartsOn", "monday")),
                owner.token());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications/settings", owner.token()).field("language"))
                .isEqualTo("fr");
        Owner untouched = ownerWithOrganization("Default Language Studio");
        assertThat(api.get("/api/v1/notifications/settings", untouched.token()).field("language"))
                .isEqualTo("en");
    }
}
