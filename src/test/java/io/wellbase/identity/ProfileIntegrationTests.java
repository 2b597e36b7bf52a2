package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileIntegrationTests extends IntegrationTest {

    private static final String PROFILE = "/api/v1/users/me/profile";
    private static final String PREFERENCES = "/api/v1/users/me/preferences";

    @Test
    void profileShowsTheRegisteredUser() {
        Account account = register("profile");

        Api.Response r = api.get(PROFILE, account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("id")).isEqualTo(account.userId().toString());
        assertThat(r.field("email")).isEqualTo(account.email());
        assertThat(r.field("firstName")).isEqualTo("Test");
        assertThat(r.field("lastName")).isEqualTo("profile");
        assertThat(api.get(PROFILE, null).status()).isEqualTo(401);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        Account account = register("patch");
        Api.Response first = api.patch(
                PROFILE,
                Map.of("firstName", "Grace", "timezone", "Europe/Berlin", "birthDate", "1990-05-17", "language", "de"),
                account.accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Api.Response second =
                api.patch(PROFILE, Map.of("lastName", "Hopper", "phone", "+49 30 123456"), account.accessToken());

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        Api.Response stored = api.get(PROFILE, account.accessToken());
        assertThat(stored.field("firstName")).isEqualTo("Grace");
        assertThat(stored.field("lastName")).isEqualTo("Hopper");
        assertThat(stored.field("phone")).isEqualTo("+49 30 123456");
        assertThat(stored.field("timezone")).isEqualTo("Europe/Berlin");
        assertThat(stored.field("birthDate")).isEqualTo("1990-05-17");
        assertThat(stored.field("language")).isEqualTo("de");
        assertThat(stored.field("email")).isEqualTo(account.email());
    }

    @Test
    void invalidTimezoneIsRejected() {
        Account account = register("tz");

        Api.Response r = api.patch(PROFILE, Map.of("timezone", "Mars/Olympus_Mons"), account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("timezone");
        assertThat(api.get(PROFILE, account.accessToken()).field("timezone")).isNull();
    }

    @Test
    void birthDateInTheFutureIsRejected() {
        Account account = register("future");

        Api.Response r = api.patch(
                PROFILE, Map.of("birthDate", LocalDate.now().plusDays(2).toString()), account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("birthDate");
        assertThat(api.get(PROFILE, account.accessToken()).field("birthDate")).isNull();
    }

    @Test
    void malformedBirthDateNamesTheField() {
        Account account = register("baddate");

        Api.Response r = api.patch(PROFILE, Map.of("birthDate", "17.05.1990"), account.accessToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("birthDate");
    }

    @Test
    void preferencesHaveDefaults() {
        Account account = register("prefs");

        Api.Response r = api.get(PREFERENCES, account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("theme")).isEqualTo("system");
        assertThat(r.field("fontSize")).isEqualTo("medium");
        assertThat(r.json().path("notifications").isEmpty()).isTrue();
        assertThat(r.json().path("settings").isEmpty()).isTrue();
    }

    @Test
    void putReplacesThePreferences() {
        Account account = register("prefs-put");
        Api.Response first = api.put(
                PREFERENCES,
                Map.of(
                        "theme",
                        "dark",
                        "fontSize",
                        "large",
                        "notifications",
                        Map.of("email", true),
                        "settings",
                        Map.of("calendarView", "week", "density", 2)),
                account.accessToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Api.Response second = api.put(
                PREFERENCES,
                Map.of("theme", "light", "fontSize", "small", "settings", Map.of("calendarView", "day")),
                account.accessToken());

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        Api.Response stored = api.get(PREFERENCES, account.accessToken());
        assertThat(stored.field("theme")).isEqualTo("light");
        assertThat(stored.field("fontSize")).isEqualTo("small");
        assertThat(stored.json().path("notifications").isEmpty())
                .as("replaced, not merged")
                .isTrue();
        assertThat(stored.field("settings.calendarView")).isEqualTo("day");
        assertThat(stored.json().path("settings").has("density")).isFalse();
    }

    @Test
    void invalidPreferencesAreRejected() {
        Account account = register("prefs-bad");

        Api.Response r = api.put(PREFERENCES, Map.of("theme", "neon", "fontSize", "medium"), account.accessToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("theme");
    }

    @Test
    void oversizedSettingsAreRejected() {
        Account account = register("prefs-big");
        Map<String, Object> settings = new HashMap<>();
        settings.put("blob", "x".repeat(17 * 1024));

        Api.Response r = api.put(
                PREFERENCES, Map.of("theme", "dark", "fontSize", "large", "settings", settings), account.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.field("code")).isEqualTo("preferences.too_large");
        assertThat(api.get(PREFERENCES, account.accessToken()).field("theme")).isEqualTo("system");
    }
}
