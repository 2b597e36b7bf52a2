package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * Web Push end to end against a local push service: subscriptions through the API, a message encrypted
 * for the subscription and signed with VAPID, read back here by a receiver written from RFC 8291 and
 * RFC 8292 (not the code that encrypts), and a subscription the push service reports gone is deleted.
 */
class WebPushIntegrationTests extends IntegrationTest {

    @Autowired
    PushSubscriptions subscriptions;

    @Autowired
    ObjectMapper json;

    private HttpServer pushService;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> encodings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            encodings.add(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/gone") ? 410 : 201, -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stop() {
        pushService.stop(0);
    }

    private String endpoint(String name) {
        return "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/" + name;
    }

    private static byte[] point(ECPublicKey key) {
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        return out;
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    /** The user agent's side of RFC 8291: undo the aes128gcm record with its private key and auth secret. */
    private static String decrypt(byte[] body, KeyPair ua, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size
        byte[] asPublic = new byte[in.get()];
        in.get(asPublic);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        var spec = ((ECPublicKey) ua.getPublic()).getParams();
        ECPublicKey sender = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(
                        new ECPoint(
                                new BigInteger(1, Arrays.copyOfRange(asPublic, 1, 33)),
                                new BigInteger(1, Arrays.copyOfRange(asPublic, 33, 65))),
                        spec));
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ua.getPrivate());
        ecdh.doPhase(sender, true);
        byte[] shared = ecdh.generateSecret();
        byte[] one = {1};
        byte[] keyInfo = ByteBuffer.allocate(14 + 65 + 65)
                .put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(point((ECPublicKey) ua.getPublic()))
                .put(asPublic)
                .array();
        byte[] ikm = hmac(hmac(auth, shared), keyInfo, one);
        byte[] prk = hmac(salt, ikm);
        byte[] cek =
                Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), one), 16);
        byte[] nonce =
                Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), one), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    /** RFC 8292: the JWT in "vapid t=…, k=…" is ES256-signed by k, for the push service's origin. */
    private void assertVapid(String authorization, byte[] serverKey) throws Exception {
        assertThat(authorization).startsWith("vapid t=");
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
        String k = authorization.substring(authorization.indexOf(", k=") + 4);
        assertThat(Base64.getUrlDecoder().decode(k)).isEqualTo(serverKey);
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains(
                        "\"aud\":\"http://127.0.0.1:" + pushService.getAddress().getPort() + "\"")
                .contains("\"sub\":\"mailto:ops@wellbase.test\"");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(
                        new ECPoint(
                                new BigInteger(1, Arrays.copyOfRange(serverKey, 1, 33)),
                                new BigInteger(1, Arrays.copyOfRange(serverKey, 33, 65))),
                        params));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key);
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void aMessageIsEncryptedForEachDeviceSignedWithVapidAndAGoneDeviceIsDropped() throws Exception {
        Owner other = ownerWithOrganization("Push elsewhere");
        Owner owner = ownerWithOrganization("Push studio");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair browser = generator.generateKeyPair();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String t = owner.token();

        String serverKey = api.get("/api/v1/notifications/push/public-key", t).field("publicKey");
        Api.Response added = api.post(
                "/api/v1/notifications/push-subscriptions",
                Map.of(
                        "endpoint",
                        endpoint("laptop"),
                        "keys",
                        Map.of(
                                "p256dh",
                                b64.encodeToString(point((ECPublicKey) browser.getPublic())),
                                "auth",
                                b64.encodeToString(auth))),
                t);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        api.post(
                "/api/v1/notifications/push-subscriptions",
                Map.of(
                        "endpoint",
                        endpoint("gone"),
                        "keys",
                        Map.of(
                                "p256dh",
                                b64.encodeToString(point((ECPublicKey) browser.getPublic())),
                                "auth",
                                b64.encodeToString(auth))),
                t);
        assertThat(api.get("/api/v1/notifications/push-subscriptions", t)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/notifications/push-subscriptions", other.token())
                        .json()
                        .path("data")
                        .size())
                .as("only one's own")
                .isZero();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(
                        "endpoint",
                        endpoint("x"),
                        "keys",
                        Map.of("p256dh", b64.encodeToString(new byte[65]), "auth", b64.encodeToString(auth))),
                Map.of(
                        "endpoint",
                        endpoint("x"),
                        "keys",
                        Map.of("p256dh", b64.encodeToString(point((ECPublicKey) browser.getPublic())), "auth", "AAAA")),
                Map.of(
                        "endpoint",
                        "http://10.0.0.5/push",
                        "keys",
                        Map.of(
                                "p256dh",
                                b64.encodeToString(point((ECPublicKey) browser.getPublic())),
                                "auth",
                                b64.encodeToString(auth))))) {
            assertThat(api.post("/api/v1/notifications/push-subscriptions", bad, t)
                            .status())
                    .as(bad.toString())
                    .isEqualTo(400);
        }

        WebPushSender sender = new WebPushSender(subscriptions, json, "mailto:ops@wellbase.test", clock);
        sender.send(new Deliveries.Due(
                UUID.randomUUID(),
                owner.orgId(),
                Channel.PUSH,
                "waitlist.promoted",
                owner.userId().toString(),
                null,
                owner.userId(),
                Category.WAITLIST,
                "You're in: Flow",
                "A place came free.",
                0));

        assertThat(bodies).hasSize(2);
        assertThat(encodings).containsOnly("aes128gcm");
        byte[] key = Base64.getUrlDecoder().decode(serverKey);
        for (int i = 0; i < 2; i++) {
            assertVapid(authorizations.get(i), key);
            assertThat(decrypt(bodies.get(i), browser, auth))
                    .contains("\"title\":\"You're in: Flow\"")
                    .contains("\"body\":\"A place came free.\"");
        }
        assertThat(api.get("/api/v1/notifications/push-subscriptions", t)
                        .json()
                        .path("data")
                        .findValuesAsString("endpoint"))
                .as("the push service said 410 for one: it is dropped")
                .containsExactly(endpoint("laptop"));
        assertThat(api.delete("/api/v1/notifications/push-subscriptions/" + added.id(), other.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/notifications/push-subscriptions/" + added.id(), t)
                        .status())
                .isEqualTo(204);
    }
}
