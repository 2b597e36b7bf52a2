package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The same Idempotency-Key twice, also concurrently: one effect, the same answer.
 */
class IdempotencyIntegrationTests extends IntegrationTest {

    private Api.Response createClient(Owner owner, String key, String name) {
        return api.send(
                "POST",
                "/api/v1/clients",
                Map.of("firstName", name, "lastName", "Idem"),
                owner.token(),
                Map.of("Idempotency-Key", key));
    }

    @Test
    void aRepeatReturnsTheFirstAnswerAndDoesNothingTwice() {
        Owner owner = ownerWithOrganization("Idempotent");
        String key = UUID.randomUUID().toString();
        Api.Response first = createClient(owner, key, "Once");
        Api.Response second = createClient(owner, key, "Once");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.field("id")).isEqualTo(first.field("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/v1/clients?q=once", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        Api.Response otherBody = createClient(owner, key, "Twice");
        assertThat(otherBody.status()).as("the same key with another body").isEqualTo(422);
        assertThat(otherBody.field("code")).isEqualTo("idempotency.key_reused");
        assertThat(api.get("/api/v1/clients?q=twice", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();

        Api.Response otherPath = api.send(
                "POST",
                "/api/v1/class-types",
                Map.of("name", "X", "durationMinutes", 60, "defaultCapacity", 5),
                owner.token(),
                Map.of("Idempotency-Key", key));
        assertThat(otherPath.status())
                .as("a key belongs to one method and path")
                .isEqualTo(201);
        assertThat(otherPath.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void aKeyBelongsToOneOrganization() {
        Account account = register("two-orgs");
        String key = UUID.randomUUID().toString();
        String[] tokens = new String[2];
        for (int i = 0; i < 2; i++) {
            UUID org = api.post(
                            "/api/v1/organizations",
                            Map.of("name", "Org " + i, "timezone", "Europe/Berlin", "currency", "EUR", "country", "DE"),
                            account.accessToken())
                    .id();
            tokens[i] = api.post(
                            "/api/v1/auth/switch-organization", Map.of("organizationId", org), account.accessToken())
                    .field("accessToken");
        }
        Map<String, String> body = Map.of("firstName", "Same", "lastName", "Body");
        Api.Response inFirst = api.send("POST", "/api/v1/clients", body, tokens[0], Map.of("Idempotency-Key", key));
        Api.Response inSecond = api.send("POST", "/api/v1/clients", body, tokens[1], Map.of("Idempotency-Key", key));
        assertThat(inFirst.status()).isEqualTo(201);
        assertThat(inSecond.status()).isEqualTo(201);
        assertThat(inSecond.header("Idempotency-Replayed")).isNull();
        assertThat(inSecond.field("id"))
                .as("not the first organization's client")
                .isNotEqualTo(inFirst.field("id"));
        assertThat(api.get("/api/v1/clients/" + inSecond.field("id"), tokens[1]).status())
                .isEqualTo(200);
    }

    @Test
    void failedRequestsReleaseTheirKeyAndBadInputIsReplayedAsItWas() {
        Owner owner = ownerWithOrganization("Idempotent errors");
        String key = UUID.randomUUID().toString();
        Api.Response invalid = api.send(
                "POST",
                "/api/v1/clients",
                Map.of("firstName", "NoLast"),
                owner.token(),
                Map.of("Idempotency-Key", key));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(api.send(
                                "POST",
                                "/api/v1/clients",
                                Map.of("firstName", "NoLast"),
                                owner.token(),
                                Map.of("Idempotency-Key", key))
                        .header("Idempotency-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void keysHaveOneTo200Characters() {
        Owner owner = ownerWithOrganization("Idempotent keys");
        Api.Response tooLong = createClient(owner, "k".repeat(201), "Long");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.field("code")).isEqualTo("idempotency.invalid_key");
        assertThat(createClient(owner, "k".repeat(200), "Long").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/clients?q=long", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aRepeatWhoseFirstRequestFailsWhileItWaitsIsToldToRetry() throws Exception {
        Owner owner = ownerWithOrganization("Idempotent retry");
        String key = UUID.randomUUID().toString();
        // the first request with this key is still running (claimed, no answer yet) ...
        jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, scope, method_path, key, request_hash)
                VALUES (:user, :scope, 'POST /api/v1/clients', :key, 'first')
                """)
                .param("user", owner.userId())
                .param("scope", owner.orgId().toString())
                .param("key", key)
                .update();
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Api.Response> repeat = pool.submit(() -> createClient(owner, key, "Retry"));
            Thread.sleep(1000);
            // ... and then fails, releasing the key while the repeat waits for its answer
            jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = :user AND key = :key")
                    .param("user", owner.userId())
                    .param("key", key)
                    .update();
            Api.Response answer = repeat.get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.field("code")).isEqualTo("idempotency.in_progress");
        }
        assertThat(api.get("/api/v1/clients?q=retry", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .as("the repeat did nothing")
                .isZero();
    }

    @Test
    void concurrentRepeatsBookOnce() throws Exception {
        Owner owner = ownerWithOrganization("Idempotent race");
        String key = UUID.randomUUID().toString();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return createClient(owner, key, "Racer");
                }));
            }
            go.countDown();
        }
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            ids.add(r.field("id"));
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(api.get("/api/v1/clients?q=racer", owner.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }
}
