package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistrationIntegrationTests extends IntegrationTest {

    private Api.Response registerWith(String email, String password) {
        return api.post(
                "/api/v1/auth/register",
                Map.of("email", email, "password", password, "firstName", "Ada", "lastName", "Lovelace"),
                null);
    }

    @Test
    void registerCreatesTheUserAndSignsIn() {
        String email = uniqueEmail("reg");
        Api.Response r = registerWith(email, PASSWORD);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.field("user.id")).isNotBlank();
        assertThat(r.field("user.email")).isEqualTo(email);
        assertThat(r.field("user.firstName")).isEqualTo("Ada");
        assertThat(r.field("user.lastName")).isEqualTo("Lovelace");
        assertThat(r.json().path("user").path("emailVerified").asBoolean(true)).isFalse();
        assertThat(r.field("accessToken")).contains(".");
        assertThat(r.field("refreshToken")).isNotBlank();
        assertThat(r.json().path("expiresIn").asLong()).isEqualTo(15 * 60);
        assertThat(r.text()).doesNotContain(PASSWORD).doesNotContain("passwordHash");

        Api.Response me = api.get("/api/v1/auth/me", r.field("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.field("id")).isEqualTo(r.field("user.id"));
    }

    @Test
    void emailIsUniqueRegardlessOfCase() {
        String email = uniqueEmail("case");
        assertThat(registerWith(email, PASSWORD).status()).isEqualTo(201);

        Api.Response again = registerWith(email.toUpperCase(), PASSWORD);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.field("code")).isEqualTo("auth.email_taken");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = lower(:e)")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void passwordTooShortIsRejected() {
        assertPasswordRejected(uniqueEmail("short"), "short1");
    }

    @Test
    void commonPasswordIsRejected() {
        assertPasswordRejected(uniqueEmail("common"), "password123");
    }

    @Test
    void passwordEqualToTheEmailIsRejected() {
        String email = uniqueEmail("sameasemail");
        assertPasswordRejected(email, email);
        assertPasswordRejected(email, email.substring(0, email.indexOf('@')).toUpperCase());
    }

    private void assertPasswordRejected(String email, String password) {
        Api.Response r = registerWith(email, password);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.field("code")).isEqualTo("validation_failed");
        JsonNode errors = r.json().path("errors");
        assertThat(errors.isArray()).as(r.toString()).isTrue();
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("password");
        assertThat(errors.get(0).path("message").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = lower(:e)")
                        .param("e", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void missingFieldsAreNamed() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", uniqueEmail("missing"));
        Api.Response r = api.post("/api/v1/auth/register", body, null);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        assertThat(r.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("password", "firstName", "lastName");
    }

    @Test
    void invalidEmailAndEmptyBodyAreRejected() {
        Api.Response badEmail = registerWith("not-an-email", PASSWORD);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("email");

        Api.Response empty = api.post("/api/v1/auth/register", "", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.field("code")).isIn("request.malformed", "validation_failed");
    }
}
