package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityAuditIntegrationTests extends IntegrationTest {

    private List<String> changesOf(Account account) {
        return jdbc.sql("""
                SELECT changes::text FROM audit_log
                WHERE actor_id = :u OR entity_id = :id ORDER BY occurred_at, id
                """)
                .param("u", account.userId())
                .param("id", account.userId().toString())
                .query(String.class)
                .list();
    }

    @Test
    void registrationAndProfileChangesAreAudited() {
        Account account = register("audit");
        assertThat(api.patch("/api/v1/users/me/profile", Map.of("firstName", "Audited"), account.accessToken())
                        .status())
                .isEqualTo(200);

        Map<String, Object> registered =
                jdbc.sql("""
                SELECT actor_id, entity_type, entity_id, changes::text AS changes FROM audit_log
                WHERE action = 'user.registered' AND entity_id = :id
                """).param("id", account.userId().toString()).query().singleRow();
        assertThat(registered.get("actor_id")).isEqualTo(account.userId());
        assertThat(registered.get("entity_type")).isEqualTo("user");
        assertThat((String) registered.get("changes")).contains(account.email());

        Map<String, Object> updated =
                jdbc.sql("""
                SELECT actor_id, changes::text AS changes FROM audit_log
                WHERE action = 'user.profile_updated' AND entity_id = :id
                """).param("id", account.userId().toString()).query().singleRow();
        assertThat(updated.get("actor_id")).isEqualTo(account.userId());
        String changes = (String) updated.get("changes");
        assertThat(changes).contains("firstName").contains("Test").contains("Audited");
        assertThat(changes).as("unchanged fields are not part of the diff").doesNotContain("lastName");
    }

    @Test
    void theAuditTrailNeverHoldsPasswordsOrTokens() {
        Account account = register("secrets");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, account.accessToken(), account.refreshToken()));
        secrets.add(tokenIn(lastEmailBody(account.email(), "email_verification")));

        Api.Response login =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        secrets.add(login.field("accessToken"));
        secrets.add(login.field("refreshToken"));
        Api.Response refreshed =
                api.post("/api/v1/auth/refresh", Map.of("refreshToken", login.field("refreshToken")), null);
        secrets.add(refreshed.field("refreshToken"));
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", login.field("refreshToken")), null);
        api.patch("/api/v1/users/me/profile", Map.of("lastName", "Changed"), account.accessToken());

        api.post("/api/v1/auth/password-reset", Map.of("email", account.email()), null);
        String resetToken = tokenIn(lastEmailBody(account.email(), "password_reset"));
        secrets.add(resetToken);
        String newPassword = "another-secret-passphrase";
        secrets.add(newPassword);
        assertThat(api.post(
                                "/api/v1/auth/password-reset/confirm",
                                Map.of("token", resetToken, "newPassword", newPassword),
                                null)
                        .status())
                .isEqualTo(204);

        List<String> changes = changesOf(account);
        assertThat(changes).hasSizeGreaterThanOrEqualTo(5);
        String all = String.join("\n", changes);
        for (String secret : secrets) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(all.toLowerCase()).doesNotContain("argon2").doesNotContain("password_hash");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor_id = :u")
                        .param("u", account.userId())
                        .query(String.class)
                        .list())
                .contains(
                        "user.registered",
                        "user.signed_in",
                        "user.profile_updated",
                        "refresh_token.reused",
                        "user.password_reset");
    }
}
