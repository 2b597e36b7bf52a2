package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginIntegrationTests extends IntegrationTest {

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    @Test
    void loginWithTheRightPasswordSignsIn() {
        Account account = register("login");

        Api.Response r = login(account.email().toUpperCase(), PASSWORD);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.field("user.id")).isEqualTo(account.userId().toString());
        assertThat(r.field("accessToken")).isNotBlank().isNotEqualTo(account.accessToken());
        assertThat(r.field("refreshToken")).isNotBlank().isNotEqualTo(account.refreshToken());
        assertThat(r.json().path("expiresIn").asLong()).isPositive();
        assertThat(api.get("/api/v1/auth/me", r.field("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        Account account = register("wrongpw");

        Api.Response wrongPassword = login(account.email(), "not-the-right-password");
        Api.Response unknownEmail = login(uniqueEmail("nobody"), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.field("code")).isEqualTo("auth.invalid_credentials");
        assertThat(unknownEmail.field("code")).isEqualTo("auth.invalid_credentials");
        for (String field : new String[] {"type", "title", "detail", "status"}) {
            assertThat(unknownEmail.field(field)).as(field).isEqualTo(wrongPassword.field(field));
        }
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownEmail.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        Account account = register("lockout");

        for (int i = 1; i <= 5; i++) {
            Api.Response failed = login(account.email(), "wrong-password-" + i);
            assertThat(failed.status()).as("attempt " + i + ": " + failed).isEqualTo(401);
            assertThat(failed.field("code")).isEqualTo("auth.invalid_credentials");
        }

        Api.Response locked = login(account.email(), PASSWORD);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.field("code")).isEqualTo("auth.too_many_failures");
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");

        Api.Response lockedOtherCase = login(" " + account.email().toUpperCase(), PASSWORD);
        assertThat(lockedOtherCase.status()).isEqualTo(429);
    }

    @Test
    void failuresOfOneAccountDoNotLockAnother() {
        Account victim = register("lock-a");
        Account bystander = register("lock-b");
        for (int i = 0; i < 6; i++) {
            login(victim.email(), "wrong-password-" + i);
        }

        assertThat(login(bystander.email(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingFieldsAreRejected() {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", uniqueEmail("x")), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        assertThat(r.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("password");
    }

    @Test
    void concurrentWrongPasswordsGetExactlyTheLimitOfPasswordChecks() throws Exception {
        Account account = register("burst");
        List<Callable<Api.Response>> attempts = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> (Callable<Api.Response>) () -> login(account.email(), "wrong-" + i))
                .toList();
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(30)) {
            statuses = pool.invokeAll(attempts).stream()
                    .map(LoginIntegrationTests::status)
                    .toList();
        }
        assertThat(statuses.stream().filter(s -> s == 401).count())
                .as(statuses.toString())
                .isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(25);
        assertThat(jdbc.sql("SELECT count(*) FROM login_failures WHERE email_normalized = lower(:e)")
                        .param("e", account.email())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        Api.Response locked = login(account.email(), PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(14 * 60, 15 * 60);
        assertThat(locked.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(locked.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void theWindowSlides() {
        Account account = register("window");
        for (int i = 0; i < 4; i++) {
            assertThat(login(account.email(), "wrong").status()).isEqualTo(401);
        }
        // the four failures happened sixteen minutes ago: they no longer count
        jdbc.sql(
                        "UPDATE login_failures SET failed_at = failed_at - interval '16 minutes' WHERE email_normalized = lower(:e)")
                .param("e", account.email())
                .update();
        for (int i = 0; i < 5; i++) {
            assertThat(login(account.email(), "wrong").status())
                    .as("attempt " + i)
                    .isEqualTo(401);
        }
        assertThat(login(account.email(), "wrong").status()).isEqualTo(429);
    }

    private static int status(Future<Api.Response> f) {
        try {
            return f.get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
