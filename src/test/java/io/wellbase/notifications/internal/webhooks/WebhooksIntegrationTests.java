package io.wellbase.notifications.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Webhooks end to end against a local receiver: registration with SSRF checks, signed deliveries verified
 * here by an implementation of the Standard Webhooks rules written from the specification (not the
 * signing code), retries with Retry-After, 410 disabling the endpoint, rotation with two signatures,
 * the delivery log, replay and resend.
 */
class WebhooksIntegrationTests extends IntegrationTest {

    @Autowired
    WebhookDispatch dispatch;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();

    record Received(String id, String timestamp, String signature, String body) {}

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8)));
            Integer code = answers.pollFirst();
            int status = code == null ? 204 : code;
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "3600");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        clock.reset();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** The receiver's side of the specification: HMAC-SHA256 over "id.timestamp.body", base64, "v1," prefix. */
    private static boolean verifies(Received r, String secret) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(
                        mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        for (String part : r.signature().split(" ")) {
            if (part.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    private record Setup(Owner owner, UUID session, UUID client) {}

    private Setup studio(String name) {
        Owner owner = ownerWithOrganization(name);
        String t = owner.token();
        UUID location = api.post("/api/v1/locations", Map.of("name", "Main", "timezone", "Europe/Berlin"), t)
                .id();
        UUID type = api.post(
                        "/api/v1/class-types", Map.of("name", "Flow", "durationMinutes", 60, "defaultCapacity", 10), t)
                .id();
        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                type,
                                "locationId",
                                location,
                                "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(2)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString()),
                        t)
                .id();
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Ida", "lastName", "Hook"), t)
                .id();
        return new Setup(owner, session, client);
    }

    private void awaitDeliveries(UUID orgId, int n) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            long count = jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE org_id = :org")
                    .param("org", orgId)
                    .query(Long.class)
                    .single();
            if (count >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no webhook delivery was queued");
    }

    @Test
    void aBookingIsDeliveredSignedOnceRetriedWhenTheReceiverFailsAndLoggedWithEveryAttempt() throws Exception {
        Setup s = studio("Hooks A");
        Api.Response created = api.post(
                "/api/v1/webhooks/endpoints",
                Map.of("url", hookUrl(), "eventTypes", List.of("booking.confirmed"), "description", "CRM"),
                s.owner().token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.field("secret");
        assertThat(secret).startsWith("whsec_");
        UUID endpoint = UUID.fromString(created.field("endpoint.id"));
        assertThat(api.get("/api/v1/webhooks/endpoints/" + endpoint, s.owner().token())
                        .text())
                .doesNotContain(secret);

        answers.add(503); // the receiver is down and asks to come back in an hour
        api.post(
                "/api/v1/sessions/" + s.session() + "/bookings",
                Map.of("clientId", s.client(), "override", true),
                s.owner().token());
        awaitDeliveries(s.owner().orgId(), 1);
        Instant now = Instant.now();
        clock.fixAt(now);
        dispatch.dispatchBatch();
        awaitReceived(1);
        UUID delivery = jdbc.sql("SELECT id FROM webhook_deliveries WHERE org_id = :org")
                .param("org", s.owner().orgId())
                .query(UUID.class)
                .single();
        Api.Response afterFailure =
                api.get("/api/v1/webhooks/deliveries/" + delivery, s.owner().token());
        assertThat(afterFailure.field("delivery.status")).isEqualTo("queued");
        assertThat(afterFailure.field("delivery.lastStatusCode")).isEqualTo("503");
        Instant next = OffsetDateTime.parse(afterFailure.field("delivery.nextAttemptAt"))
                .toInstant();
        assertThat(next).as("Retry-After: 3600 is respected").isAfterOrEqualTo(now.plusSeconds(3599));

        clock.fixAt(now.plusSeconds(600));
        dispatch.dispatchBatch();
        assertThat(received).as("not before the receiver asked").hasSize(1);
        clock.fixAt(next.plusSeconds(1));
        dispatch.dispatchBatch();
        dispatch.dispatchBatch();
        awaitReceived(2);

        Received first = received.get(0);
        Received second = received.get(1);
        assertThat(second.id())
                .as("webhook-id is stable across retries")
                .isEqualTo(first.id())
                .isEqualTo(delivery.toString());
        assertThat(verifies(second, secret)).isTrue();
        assertThat(verifies(second, "whsec_" + Base64.getEncoder().encodeToString(new byte[24])))
                .isFalse();
        var payload = new tools.jackson.databind.ObjectMapper().readTree(second.body());
        assertThat(payload.path("type").asString()).isEqualTo("booking.confirmed");
        assertThat(payload.path("data").path("clientId").asString())
                .isEqualTo(s.client().toString());

        Api.Response log =
                api.get("/api/v1/webhooks/deliveries/" + delivery, s.owner().token());
        assertThat(log.field("delivery.status")).isEqualTo("sent");
        assertThat(log.json().path("attempts").size()).isEqualTo(2);
        assertThat(log.json().path("attempts").get(0).path("statusCode").asInt())
                .isEqualTo(503);
        assertThat(log.json().path("attempts").get(1).path("statusCode").asInt())
                .isEqualTo(204);
        assertThat(api.get(
                                "/api/v1/webhooks/endpoints/" + endpoint + "/deliveries",
                                s.owner().token())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);

        // rotation: both secrets sign until the old one expires
        Api.Response rotated = api.post(
                "/api/v1/webhooks/endpoints/" + endpoint + "/rotate-secret",
                Map.of(),
                s.owner().token());
        String newSecret = rotated.field("secret");
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(api.post(
                                "/api/v1/webhooks/deliveries/" + delivery + "/replay",
                                Map.of(),
                                s.owner().token())
                        .status())
                .isEqualTo(200);
        clock.fixAt(clock.instant().plusSeconds(1));
        dispatch.dispatchBatch();
        Received replayed = received.get(2);
        assertThat(replayed.id()).isEqualTo(delivery.toString());
        assertThat(verifies(replayed, newSecret)).isTrue();
        assertThat(verifies(replayed, secret)).isTrue();
        assertThat(replayed.signature().split(" ")).hasSize(2);

        // resend everything since a moment
        Api.Response resent = api.post(
                "/api/v1/webhooks/endpoints/" + endpoint + "/resend",
                Map.of("since", OffsetDateTime.now().minusDays(1).toString()),
                s.owner().token());
        assertThat(resent.field("queued")).isEqualTo("1");
        dispatch.dispatchBatch();
        awaitReceived(4);
    }

    @Test
    void goneDisablesTheEndpointAndNothingMoreIsSent() throws Exception {
        Setup s = studio("Hooks B");
        UUID endpoint = UUID.fromString(api.post(
                        "/api/v1/webhooks/endpoints",
                        Map.of("url", hookUrl(), "eventTypes", List.of("booking.confirmed", "booking.cancelled")),
                        s.owner().token())
                .field("endpoint.id"));
        answers.add(410);
        UUID booking = api.post(
                        "/api/v1/sessions/" + s.session() + "/bookings",
                        Map.of("clientId", s.client(), "override", true),
                        s.owner().token())
                .id();
        awaitDeliveries(s.owner().orgId(), 1);
        clock.fixAt(Instant.now());
        dispatch.dispatchBatch();
        Api.Response disabled =
                api.get("/api/v1/webhooks/endpoints/" + endpoint, s.owner().token());
        assertThat(disabled.field("enabled")).isEqualTo("false");
        assertThat(disabled.field("disabledReason")).contains("410");

        api.post("/api/v1/bookings/" + booking + "/cancel", Map.of(), s.owner().token());
        Thread.sleep(500);
        dispatch.dispatchBatch();
        awaitReceived(1);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE org_id = :org")
                        .param("org", s.owner().orgId())
                        .query(Long.class)
                        .single())
                .as("a disabled endpoint gets no new deliveries")
                .isEqualTo(1);

        Api.Response enabled = api.patch(
                "/api/v1/webhooks/endpoints/" + endpoint,
                Map.of("enabled", true),
                s.owner().token());
        assertThat(enabled.field("enabled")).isEqualTo("true");
        assertThat(api.delete(
                                "/api/v1/webhooks/endpoints/" + endpoint,
                                s.owner().token())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/endpoints/" + endpoint, s.owner().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void internalAddressesUnknownEventTypesAndMalformedUrlsAreRefusedAndNothingIsWritten() {
        Setup s = studio("Hooks C");
        List<Map<String, Object>> bad = new ArrayList<>();
        for (String url : List.of(
                "http://localhost:8080/hook",
                "http://10.0.0.7/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://192.168.1.1/hook",
                "ftp://example.com/hook",
                "not a url",
                "http://user:pw@127.0.0.1/hook")) {
            bad.add(Map.of("url", url, "eventTypes", List.of("booking.confirmed")));
        }
        bad.add(Map.of("url", hookUrl(), "eventTypes", List.of("booking.exploded")));
        bad.add(Map.of("url", hookUrl(), "eventTypes", List.of()));
        bad.add(Map.of("url", hookUrl()));
        for (Map<String, Object> body : bad) {
            Api.Response r =
                    api.post("/api/v1/webhooks/endpoints", body, s.owner().token());
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/webhooks/endpoints", s.owner().token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(api.post(
                                "/api/v1/webhooks/endpoints/" + UUID.randomUUID() + "/resend",
                                Map.of("since", OffsetDateTime.now().toString()),
                                s.owner().token())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theScheduleMakesAboutTenAttemptsOverThreeDays() {
        Duration total = WebhookDispatch.SCHEDULE.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(WebhookDispatch.SCHEDULE.size() + 1).isEqualTo(10);
        assertThat(total).isBetween(Duration.ofHours(60), Duration.ofHours(80));
    }

    /**
     * Waits until the receiver has {@code count} requests (the node's own scheduler may send a due delivery a moment
     * before or after the test's dispatch), then checks that no more arrive.
     */
    private void awaitReceived(int count) throws InterruptedException {
        for (int i = 0; i < 50 && received.size() < count; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        assertThat(received).hasSize(count);
    }
}
