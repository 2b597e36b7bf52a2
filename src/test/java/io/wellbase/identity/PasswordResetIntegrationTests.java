package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordResetIntegrationTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    private Api.Response requestReset(String email) {
        return api.post("/api/v1/auth/password-reset", Map.of("email", email), null);
    }

    private Api.Response confirm(String token, String newPassword) {
        return api.post(
                "/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword), null);
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private int outboxRows(String email, String kind) {
        return jdbc.sql(
                        "SELECT count(*) FROM notification_deliveries WHERE lower(recipient) = lower(:to) AND type = :type")
                .param("to", email)
                .param("type", "account." + kind)
                .query(Integer.class)
                .single();
    }

    /** Requests a reset and returns the token from the email. */
    private String resetToken(String email) {
        Api.Response r = requestReset(email);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return tokenIn(lastEmailBody(email, "password_reset"));
    }

    @Test
    void requestIsAcceptedForUnknownEmailsWithoutSendingAnything() {
        String unknown = uniqueEmail("ghost");

        Api.Response r = requestReset(unknown);

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(outboxRows(unknown, "password_reset")).isZero();
    }

    @Test
    void requestForAKnownEmailSendsOneMailWithAToken() {
        Account account = register("reset-mail");

        Api.Response r = requestReset(account.email().toUpperCase());

        assertThat(r.status()).isEqualTo(202);
        assertThat(outboxRows(account.email(), "password_reset")).isEqualTo(1);
        String body = lastEmailBody(account.email(), "password_reset");
        String token = tokenIn(body);
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(body).contains("reset-password?token=" + token);
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_tokens WHERE token_hash = :t")
                        .param("t", token)
                        .query(Integer.class)
                        .single())
                .as("only a hash is stored")
                .isZero();
    }

    @Test
    void confirmSetsTheNewPasswordAndEndsEverySession() {
        Account account = register("reset");
        String secondSession = login(account.email(), PASSWORD).field("refreshToken");
        String token = resetToken(account.email());

        Api.Response confirmed = confirm(token, NEW_PASSWORD);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        assertThat(login(account.email(), NEW_PASSWORD).status()).isEqualTo(200);
        Api.Response old = login(account.email(), PASSWORD);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.field("code")).isEqualTo("auth.invalid_credentials");
        for (String refresh : new String[] {account.refreshToken(), secondSession}) {
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void tokenIsSingleUse() {
        Account account = register("reset-once");
        String token = resetToken(account.email());
        assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);

        Api.Response second = confirm(token, "yet-another-passphrase");

        assertThat(second.status()).as(second.toString()).isEqualTo(400);
        assertThat(second.field("code")).isEqualTo("auth.invalid_token");
        assertThat(login(account.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void expiredTokenIsRejected() {
        Account account = register("reset-expired");
        String token = resetToken(account.email());
        int updated = jdbc.sql("""
                UPDATE one_time_tokens SET expires_at = now() - interval '1 minute'
                WHERE user_id = :u AND purpose = 'password_reset'
                """).param("u", account.userId()).update();
        assertThat(updated).isEqualTo(1);

        Api.Response r = confirm(token, NEW_PASSWORD);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("auth.invalid_token");
        assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownTokenAndWeakPasswordAreRejected() {
        Api.Response unknown = confirm("not-a-real-token", NEW_PASSWORD);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.field("code")).isEqualTo("auth.invalid_token");

        Account account = register("reset-weak");
        Api.Response weak = confirm(resetToken(account.email()), "password123");
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.field("code")).isEqualTo("validation_failed");
        assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
        assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void emailVerificationIsSentOnRegistrationAndConfirmFlipsTheFlag() {
        Account account = register("verify");
        assertThat(api.get("/api/v1/auth/me", account.accessToken())
                        .json()
                        .path("emailVerified")
                        .asBoolean(true))
                .isFalse();
        String body = lastEmailBody(account.email(), "email_verification");
        String token = tokenIn(body);
        assertThat(body).contains("verify-email?token=" + token);

        Api.Response confirmed = api.post("/api/v1/auth/email-verification/confirm", Map.of("token", token), null);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me", account.accessToken())
                        .json()
                        .path("emailVerified")
                        .asBoolean(false))
                .isTrue();
        Api.Response again = api.post("/api/v1/auth/email-verification/confirm", Map.of("token", token), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.field("code")).isEqualTo("auth.invalid_token");
    }

    @Test
    void resendingVerificationInvalidatesTheEarlierLink() {
        Account account = register("verify-resend");
        String first = tokenIn(lastEmailBody(account.email(), "email_verification"));

        assertThat(api.post("/api/v1/auth/email-verification", null, account.accessToken())
                        .status())
                .isEqualTo(202);
        String second = tokenIn(lastEmailBody(account.email(), "email_verification"));

        assertThat(second).isNotEqualTo(first);
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Map.of("token", first), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Map.of("token", second), null)
                        .status())
                .isEqualTo(204);
    }
}
