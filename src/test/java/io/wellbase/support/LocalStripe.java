package io.wellbase.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in of Stripe's API for the whole test JVM: WireMock serving Stripe's paths and error bodies
 * with state kept in memory (customers, SetupIntents, PaymentIntents, refunds), honouring Idempotency-Key as
 * Stripe does (a repeat replays the first answer), and writing the events Stripe would send, which a test signs
 * and delivers. Payment methods tell the outcome: {@code pm_card_visa} succeeds, {@code pm_card_declined} is
 * declined for insufficient funds, {@code pm_card_processing} stays processing until {@link #settle}.
 */
public final class LocalStripe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer server;
    private static final AtomicLong IDS = new AtomicLong(1000);
    private static final Map<String, Map<String, Object>> OBJECTS = new ConcurrentHashMap<>();
    private static final Map<String, ResponseDefinition> IDEMPOTENT = new ConcurrentHashMap<>();
    private static final List<Map<String, Object>> EVENTS = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final Map<String, String> KEYS_SEEN = new ConcurrentHashMap<>();

    private LocalStripe() {}

    public static synchronized String baseUrl() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options()
                    .bindAddress("127.0.0.1")
                    .dynamicPort()
                    .extensions(new Api()));
            server.start();
            server.stubFor(any(urlMatching("/v1/.*")).willReturn(aResponse().withStatus(200)));
        }
        return server.baseUrl();
    }

    /** The next {@code n} calls answer 500, as Stripe does when it is down. */
    public static void failNext(int n) {
        FAIL_NEXT.set(n);
    }

    /** The idempotency key a request for this Wellbase payment id carried, if any reached Stripe. */
    public static String idempotencyKeyOf(String wellbasePaymentId) {
        return KEYS_SEEN.get(wellbasePaymentId);
    }

    public static Map<String, Object> object(String id) {
        return OBJECTS.get(id);
    }

    /** Events written since the start, in the order Stripe made them. */
    public static List<Map<String, Object>> eventsFor(String wellbaseOrg) {
        synchronized (EVENTS) {
            return EVENTS.stream()
                    .filter(e -> wellbaseOrg.equals(e.get("wellbase_org")))
                    .map(e -> {
                        var copy = new LinkedHashMap<>(e);
                        copy.remove("wellbase_org");
                        return (Map<String, Object>) copy;
                    })
                    .toList();
        }
    }

    /** An asynchronous payment finishes at the bank: succeeded or failed. */
    public static void settle(String paymentIntentId, boolean succeeded) {
        var pi = OBJECTS.get(paymentIntentId);
        if (succeeded) {
            pi.put("status", "succeeded");
            pi.put("amount_received", pi.get("amount"));
            event("payment_intent.succeeded", pi);
        } else {
            pi.put("status", "requires_payment_method");
            pi.put(
                    "last_payment_error",
                    Map.of(
                            "type",
                            "card_error",
                            "code",
                            "card_declined",
                            "decline_code",
                            "insufficient_funds",
                            "message",
                            "Your card has insufficient funds."));
            event("payment_intent.payment_failed", pi);
        }
    }

    /** Staff refund in Stripe's dashboard, outside Wellbase. */
    public static String dashboardRefund(String paymentIntentId, long amount) {
        var refund = refund(paymentIntentId, amount);
        event(
                "charge.refunded",
                Map.of(
                        "id",
                        "ch_" + paymentIntentId.substring(3),
                        "object",
                        "charge",
                        "payment_intent",
                        paymentIntentId,
                        "amount_refunded",
                        refunded(paymentIntentId)));
        return (String) refund.get("id");
    }

    /** The client confirms a SetupIntent with a card in Stripe.js. */
    public static void confirmSetup(String setupIntentId, String paymentMethod) {
        var si = OBJECTS.get(setupIntentId);
        si.put("status", "succeeded");
        si.put("payment_method", paymentMethod);
        event("setup_intent.succeeded", si);
    }

    /** Stripe's signature header over the body: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static String sign(String body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String id(String prefix) {
        return prefix + "_" + IDS.incrementAndGet();
    }

    private static void event(String type, Map<String, Object> object) {
        var copy = new LinkedHashMap<>(object);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id("evt"));
        e.put("object", "event");
        e.put("type", type);
        e.put("api_version", "2026-07-29.dahlia");
        e.put("created", System.currentTimeMillis() / 1000);
        e.put("livemode", false);
        e.put("data", Map.of("object", copy));
        e.put("wellbase_org", orgOf(object));
        EVENTS.add(e);
    }

    @SuppressWarnings("unchecked")
    private static String orgOf(Map<String, Object> object) {
        Object meta = object.get("metadata");
        if (meta instanceof Map<?, ?> m && m.get("wellbase_org") != null) {
            return (String) m.get("wellbase_org");
        }
        Object pi = object.get("payment_intent");
        if (pi != null && OBJECTS.get((String) pi) != null) {
            return orgOf(OBJECTS.get((String) pi));
        }
        Object customer = object.get("customer");
        if (customer != null && OBJECTS.get((String) customer) != null) {
            return orgOf(OBJECTS.get((String) customer));
        }
        return "";
    }

    private static long refunded(String paymentIntentId) {
        return OBJECTS.values().stream()
                .filter(o -> "refund".equals(o.get("object")) && paymentIntentId.equals(o.get("payment_intent")))
                .mapToLong(o -> ((Number) o.get("amount")).longValue())
                .sum();
    }

    private static Map<String, Object> refund(String paymentIntentId, long amount) {
        Map<String, Object> refund = new ConcurrentHashMap<>();
        refund.put("id", id("re"));
        refund.put("object", "refund");
        refund.put("amount", amount);
        refund.put("currency", OBJECTS.get(paymentIntentId).get("currency"));
        refund.put("payment_intent", paymentIntentId);
        refund.put("status", "succeeded");
        refund.put("metadata", Map.of());
        OBJECTS.put((String) refund.get("id"), refund);
        return refund;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, Object> metadata(Map<String, String> form) {
        Map<String, Object> meta = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                meta.put(k.substring(9, k.length() - 1), v);
            }
        });
        return meta;
    }

    private static ResponseDefinition answer(int status, Object body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", id("req"))
                .withBody(json(body))
                .build();
    }

    private static ResponseDefinition error(int status, String type, String code, String message, Object intent) {
        Map<String, Object> error = new HashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        if (intent != null) {
            error.put("payment_intent", intent);
            error.put("decline_code", "insufficient_funds");
        }
        return answer(status, Map.of("error", error));
    }

    /** The stand-in's API, one handler for every path. */
    static final class Api implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "local-stripe";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            String method = request.getMethod().getName();
            String url = request.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return error(500, "api_error", "internal", "Stripe is down (stand-in)", null);
            }
            String key = request.getHeader("Idempotency-Key");
            if (method.equals("POST") && key != null) {
                var replay = IDEMPOTENT.get(key);
                if (replay != null) {
                    return replay;
                }
            }
            var form = form(request.getBodyAsString());
            ResponseDefinition answer = route(method, path, url, form, key);
            if (method.equals("POST") && key != null && answer.getStatus() < 500) {
                IDEMPOTENT.putIfAbsent(key, answer);
            }
            return answer;
        }

        private ResponseDefinition route(String method, String path, String url, Map<String, String> form, String key) {
            String[] parts = path.split("/");
            String resource = parts.length > 2 ? parts[2] : "";
            String id = parts.length > 3 ? parts[3] : null;
            if (method.equals("GET") && id != null) {
                var found = OBJECTS.get(id);
                return found == null
                        ? error(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'", null)
                        : answer(200, found);
            }
            return switch (method + " " + resource) {
                case "POST customers" -> {
                    Map<String, Object> c = new ConcurrentHashMap<>();
                    c.put("id", id("cus"));
                    c.put("object", "customer");
                    c.put("metadata", metadata(form));
                    if (form.get("email") != null) {
                        c.put("email", form.get("email"));
                    }
                    OBJECTS.put((String) c.get("id"), c);
                    yield answer(200, c);
                }
                case "POST setup_intents" -> {
                    Map<String, Object> si = new ConcurrentHashMap<>();
                    si.put("id", id("seti"));
                    si.put("object", "setup_intent");
                    si.put("status", "requires_payment_method");
                    si.put("customer", form.get("customer"));
                    si.put("usage", "off_session");
                    si.put("client_secret", si.get("id") + "_secret_local");
                    si.put("metadata", metadata(form));
                    OBJECTS.put((String) si.get("id"), si);
                    yield answer(200, si);
                }
                case "POST payment_intents" -> paymentIntent(form, key);
                case "POST refunds" -> {
                    String pi = form.get("payment_intent");
                    var intent = OBJECTS.get(pi);
                    long amount = Long.parseLong(form.getOrDefault("amount", "0"));
                    if (intent == null || !"succeeded".equals(intent.get("status"))) {
                        yield error(400, "invalid_request_error", "charge_not_refundable", "Not refundable", null);
                    }
                    long received = ((Number) intent.get("amount_received")).longValue();
                    if (refunded(pi) + amount > received) {
                        yield error(
                                400,
                                "invalid_request_error",
                                "amount_too_large",
                                "Refund amount is greater than unrefunded amount on charge",
                                null);
                    }
                    yield answer(200, refund(pi, amount));
                }
                case "GET refunds" -> {
                    String pi = url.contains("payment_intent=")
                            ? URLDecoder.decode(
                                    url.substring(url.indexOf("payment_intent=") + 15)
                                            .split("&")[0],
                                    StandardCharsets.UTF_8)
                            : "";
                    var data = OBJECTS.values().stream()
                            .filter(o -> "refund".equals(o.get("object")) && pi.equals(o.get("payment_intent")))
                            .toList();
                    yield answer(200, Map.of("object", "list", "data", data, "has_more", false, "url", "/v1/refunds"));
                }
                default -> error(404, "invalid_request_error", "unknown_path", "Unrecognized request URL", null);
            };
        }

        private ResponseDefinition paymentIntent(Map<String, String> form, String key) {
            Map<String, Object> pi = new ConcurrentHashMap<>();
            String id = id("pi");
            pi.put("id", id);
            pi.put("object", "payment_intent");
            pi.put("amount", Long.parseLong(form.get("amount")));
            pi.put("amount_received", 0L);
            pi.put("currency", form.get("currency"));
            pi.put("client_secret", id + "_secret_local");
            pi.put("metadata", metadata(form));
            if (form.get("customer") != null) {
                pi.put("customer", form.get("customer"));
            }
            var meta = metadata(form);
            if (meta.get("wellbase_payment") != null && key != null) {
                KEYS_SEEN.put((String) meta.get("wellbase_payment"), key);
            }
            String pm = form.get("payment_method");
            OBJECTS.put(id, pi);
            if (pm == null || !"true".equals(form.get("confirm"))) {
                pi.put("status", "requires_payment_method");
                return answer(200, pi);
            }
            pi.put("payment_method", pm);
            switch (pm) {
                case "pm_card_declined" -> {
                    pi.put("status", "requires_payment_method");
                    pi.put(
                            "last_payment_error",
                            Map.of(
                                    "type",
                                    "card_error",
                                    "code",
                                    "card_declined",
                                    "decline_code",
                                    "insufficient_funds",
                                    "message",
                                    "Your card has insufficient funds."));
                    event("payment_intent.payment_failed", pi);
                    return error(402, "card_error", "card_declined", "Your card has insufficient funds.", pi);
                }
                case "pm_card_processing" -> {
                    pi.put("status", "processing");
                    event("payment_intent.processing", pi);
                    return answer(200, pi);
                }
                default -> {
                    pi.put("status", "succeeded");
                    pi.put("amount_received", pi.get("amount"));
                    pi.put("latest_charge", "ch_" + id.substring(3));
                    event("payment_intent.succeeded", pi);
                    return answer(200, pi);
                }
            }
        }
    }

    static {
        // payment methods the stand-in knows, as Stripe.js would have made them
        for (String pm : List.of("pm_card_visa", "pm_card_declined", "pm_card_processing")) {
            Map<String, Object> card = new ConcurrentHashMap<>();
            card.put("id", pm);
            card.put("object", "payment_method");
            card.put("type", "card");
            card.put("card", Map.of("brand", "visa", "last4", pm.equals("pm_card_visa") ? "4242" : "0002"));
            OBJECTS.put(pm, card);
        }
    }
}
