package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous accounts through HTTP: an account with a handle and no email signs in, joins a wellbeing service
 * through its join link and uses care and chat as a client; its recovery code sets a new password (every session
 * ends, the code is replaced); an email attached later stays unverified until its link is followed.
 */
class AnonymousAccountsIntegrationTests extends OrganizationTest {

    @Test
    void anAccountWithoutAnEmailUsesCareAndChatAndRecoversItsPassword() {
        Api.Response created = api.post("/api/v1/auth/anonymous", Map.of("password", PASSWORD), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String handle = created.field("handle");
        String code = created.field("recoveryCode");
        assertThat(handle).matches("[a-z]+-[a-z]+-\\d{4}");
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        String token = created.field("tokens.accessToken");
        Api.Response me = api.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").isMissingNode()
                        || me.json().path("email").isNull())
                .isTrue();
        assertThat(api.post("/api/v1/auth/anonymous", Map.of("password", "short"), null)
                        .status())
                .isEqualTo(400);

        Api.Response wrong = api.post(
                "/api/v1/auth/anonymous/login", Map.of("handle", handle, "password", "wrong-password-x"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.field("code")).isEqualTo("auth.invalid_credentials");
        Api.Response login =
                api.post("/api/v1/auth/anonymous/login", Map.of("handle", handle, "password", PASSWORD), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);

        Owner owner = ownerWithOrganization("Listening Service");
        String joinCode = api.get("/api/v1/join-link", owner.token()).field("joinCode");
        Api.Response joined = api.post("/api/v1/join/" + joinCode, Map.of(), login.field("accessToken"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String client = joined.field("accessToken");
        assertThat(joined.field("user.role")).isEqualTo("client");
        Api.Response mood = api.post("/api/v1/moods", Map.of("mood", 2, "note", "a heavy week"), client);
        assertThat(mood.status()).as(mood.toString()).isEqualTo(201);
        Api.Response chat =
                api.post("/api/v1/chat/sessions", Map.of("topic", "I need to talk", "priority", "medium"), client);
        assertThat(chat.status()).as(chat.toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org AND email IS NULL AND first_name = :h")
                        .param("org", owner.orgId())
                        .param("h", handle)
                        .query(Long.class)
                        .single())
                .as("a client record under the handle, with no email")
                .isEqualTo(1);

        assertThat(api.post(
                                "/api/v1/auth/anonymous/recover",
                                Map.of(
                                        "handle",
                                        handle,
                                        "recoveryCode",
                                        "AAAA-BBBB-CCCC-DDDD",
                                        "newPassword",
                                        "another long password 1"),
                                null)
                        .status())
                .isEqualTo(401);
        Api.Response recovered = api.post(
                "/api/v1/auth/anonymous/recover",
                Map.of("handle", handle, "recoveryCode", code.toLowerCase(), "newPassword", "another long password 1"),
                null);
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.field("recoveryCode")).isNotEqualTo(code);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", login.field("refreshToken")), null)
                        .status())
                .as("every session ended")
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/anonymous/login", Map.of("handle", handle, "password", PASSWORD), null)
                        .status())
                .isEqualTo(401);
        Api.Response again = api.post(
                "/api/v1/auth/anonymous/login", Map.of("handle", handle, "password", "another long password 1"), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/anonymous/recover",
                                Map.of(
                                        "handle",
                                        handle,
                                        "recoveryCode",
                                        code,
                                        "newPassword",
                                        "a third long password 2"),
                                null)
                        .status())
                .as("a used code is spent")
                .isEqualTo(401);

        String email = uniqueEmail("anon");
        String fresh = again.field("accessToken");
        assertThat(api.post("/api/v1/auth/me/email", Map.of("email", owner.email()), fresh)
                        .field("code"))
                .isEqualTo("auth.email_taken");
        assertThat(api.post("/api/v1/auth/me/email", Map.of("email", email), fresh)
                        .status())
                .isEqualTo(202);
        assertThat(api.get("/api/v1/auth/me", fresh)
                        .json()
                        .path("emailVerified")
                        .asBoolean())
                .as("unverified until its link is followed")
                .isFalse();
        String verification = tokenIn(lastEmailBody(email, "email_verification"));
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Map.of("token", verification), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me", fresh)
                        .json()
                        .path("emailVerified")
                        .asBoolean())
                .isTrue();
        assertThat(api.post("/api/v1/auth/me/email", Map.of("email", uniqueEmail("other")), fresh)
                        .field("code"))
                .isEqualTo("auth.email_present");
    }
}
