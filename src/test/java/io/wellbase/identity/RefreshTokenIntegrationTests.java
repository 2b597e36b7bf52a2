package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTokenIntegrationTests extends IntegrationTest {

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }

    @Test
    void refreshReturnsANewPairAndSpendsTheOldToken() {
        Account account = register("refresh");

        Api.Response next = refresh(account.refreshToken());

        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.field("accessToken")).isNotBlank().isNotEqualTo(account.accessToken());
        assertThat(next.field("refreshToken")).isNotBlank().isNotEqualTo(account.refreshToken());
        assertThat(next.field("user.id")).isEqualTo(account.userId().toString());
        assertThat(api.get("/api/v1/auth/me", next.field("accessToken")).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :u AND spent_at IS NOT NULL")
                        .param("u", account.userId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        Api.Response third = refresh(next.field("refreshToken"));
        assertThat(third.status()).as(third.toString()).isEqualTo(200);
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        Account account = register("reuse");
        Api.Response next = refresh(account.refreshToken());
        assertThat(next.status()).isEqualTo(200);
        String successor = next.field("refreshToken");

        Api.Response reused = refresh(account.refreshToken());

        assertThat(reused.status()).as(reused.toString()).isEqualTo(401);
        assertThat(reused.field("code")).isEqualTo("auth.refresh_token_reused");
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");

        Api.Response successorAfterReuse = refresh(successor);
        assertThat(successorAfterReuse.status())
                .as(successorAfterReuse.toString())
                .isEqualTo(401);
        assertThat(successorAfterReuse.field("code")).isEqualTo("auth.invalid_refresh_token");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'refresh_token.reused' AND actor_id = :u")
                        .param("u", account.userId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reuseRevokesOnlyThatFamily() {
        Account account = register("family");
        Api.Response otherSignIn =
                api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null);
        refresh(account.refreshToken());

        assertThat(refresh(account.refreshToken()).status()).isEqualTo(401);

        assertThat(refresh(otherSignIn.field("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        Api.Response r = refresh("no-such-token");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.field("code")).isEqualTo("auth.invalid_refresh_token");
        assertThat(api.post("/api/v1/auth/refresh", Map.of(), null).status()).isEqualTo(400);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Account account = register("logout");

        Api.Response logout = api.post("/api/v1/auth/logout", Map.of("refreshToken", account.refreshToken()), null);

        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        Api.Response after = refresh(account.refreshToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.field("code")).isEqualTo("auth.invalid_refresh_token");
    }

    @Test
    void logoutAllRevokesEveryRefreshTokenOfTheUser() {
        Account account = register("logoutall");
        String second = api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null)
                .field("refreshToken");
        String third = api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null)
                .field("refreshToken");
        Account bystander = register("bystander");

        Api.Response all = api.post("/api/v1/auth/logout-all", null, account.accessToken());

        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("revokedSessions").asInt()).isEqualTo(3);
        for (String token : new String[] {account.refreshToken(), second, third}) {
            assertThat(refresh(token).status()).isEqualTo(401);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :u AND revoked_at IS NULL")
                        .param("u", account.userId())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(refresh(bystander.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutAllNeedsAnAccessToken() {
        Api.Response r = api.post("/api/v1/auth/logout-all", null, null);

        assertThat(r.status()).isEqualTo(401);
    }
}
