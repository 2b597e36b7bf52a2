package io.wellbase.notifications.internal.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.wellbase.notifications.NotificationsProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends leased webhook deliveries: signed, 15 s at most, no redirects followed, the endpoint's address
 * checked again before each call. 2xx is delivered; 410 Gone disables the endpoint; anything else is
 * tried again on the schedule (about 10 attempts over 3 days, with jitter), later when the receiver
 * asks so with {@code Retry-After}.
 */
@Component
class WebhookDispatch {

    /** The waits after attempt 1, 2, …: 10 attempts over about 3 days. */
    static final List<Duration> SCHEDULE = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(20));

    static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final UrlGuard guard;
    private final HttpClient http;
    private final Duration timeout;
    private final int batchSize;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookDispatch(
            WebhookDeliveries deliveries,
            WebhookEndpoints endpoints,
            UrlGuard guard,
            NotificationsProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.timeout = properties.webhooks().timeout();
        this.batchSize = properties.batchSize();
        this.meters = meters;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One batch; answers how many deliveries it attempted. */
    int dispatchBatch() {
        Instant now = clock.instant();
        List<WebhookDeliveries.Leased> leased = deliveries.lease(now, LEASE, batchSize);
        leased.forEach(this::attempt);
        return leased.size();
    }

    private void attempt(WebhookDeliveries.Leased d) {
        Optional<WebhookEndpoints.Endpoint> found = endpoints.find(d.orgId(), d.endpointId());
        if (found.isEmpty() || !found.get().enabled()) {
            deliveries.settle(d.id(), "failed", null, "the endpoint is disabled", null);
            return;
        }
        WebhookEndpoints.Endpoint endpoint = found.get();
        Instant start = clock.instant();
        Optional<String> refused = guard.refusal(endpoint.url());
        if (refused.isPresent()) {
            String error = "refused: the URL " + refused.get();
            deliveries.logAttempt(d, start, null, 0, error);
            retryOrFail(d, null, error, null);
            return;
        }
        long timestamp = start.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("webhook-id", d.id().toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignature.header(
                                d.id().toString(), timestamp, d.payload(), endpoint.signingSecrets(start)))
                .header("user-agent", "Wellbase-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                .build();
        long began = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long ms = (System.nanoTime() - began) / 1_000_000;
            int code = response.statusCode();
            deliveries.logAttempt(d, start, code, ms, null);
            if (code >= 200 && code < 300) {
                deliveries.settle(d.id(), "sent", code, null, null);
                count("sent");
            } else if (code == 410) {
                endpoints.disable(d.orgId(), d.endpointId(), "410 Gone from the receiver");
                deliveries.settle(d.id(), "failed", code, "410 Gone: endpoint disabled", null);
                count("failed");
            } else {
                retryOrFail(
                        d, code, "HTTP " + code, retryAfter(response.headers().firstValue("retry-after"), start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.logAttempt(d, start, null, (System.nanoTime() - began) / 1_000_000, "interrupted");
            retryOrFail(d, null, "interrupted", null);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            deliveries.logAttempt(d, start, null, (System.nanoTime() - began) / 1_000_000, error);
            retryOrFail(d, null, error, null);
        }
    }

    private void retryOrFail(
            WebhookDeliveries.Leased d, @Nullable Integer code, String error, @Nullable Instant notBefore) {
        int made = d.attempts() + 1;
        if (made > SCHEDULE.size()) {
            deliveries.settle(d.id(), "failed", code, error, null);
            count("failed");
            return;
        }
        Duration wait = SCHEDULE.get(made - 1);
        long jitterMillis = ThreadLocalRandom.current().nextLong(wait.toMillis() / 10 + 1);
        Instant next = clock.instant().plus(wait).plusMillis(jitterMillis);
        if (notBefore != null && notBefore.isAfter(next)) {
            next = notBefore;
        }
        deliveries.settle(d.id(), "queued", code, error, next);
        count("retried");
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at most a day ahead. */
    static @Nullable Instant retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        Instant at;
        try {
            at = now.plusSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        Instant latest = now.plus(Duration.ofDays(1));
        return at.isAfter(latest) ? latest : at;
    }

    private void count(String outcome) {
        meters.counter("wellbase.notifications.webhooks", "outcome", outcome).increment();
    }
}
