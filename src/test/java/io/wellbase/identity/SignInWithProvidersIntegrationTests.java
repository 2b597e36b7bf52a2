package io.wellbase.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in with Google (OpenID Connect) and GitHub (OAuth 2) end to end against a local stand-in of both providers
 * (WireMock: authorization, token, JWKS, userinfo, GitHub's /user and /user/emails), the browser's steps taken by
 * hand: state and PKCE checked, the ID token's signature and nonce checked, accounts linked by subject, an existing
 * account linked only after its owner confirms by mail, an unverified email refused, a provider-only account keeping
 * its last way in, and only Wellbase's own tokens reaching the front end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInWithProvidersIntegrationTests extends IntegrationTest {

    static final WireMockServer PROVIDER =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String FRONT_END = "https://app.example.test/auth/done";
    static final RSAKey KEY;

    static {
        PROVIDER.start();
        try {
            KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + PROVIDER.port();
        registry.add("wellbase.identity.oauth.redirect-uris[0]", () -> FRONT_END);
        registry.add("wellbase.identity.oauth.google.client-id", () -> "google-client");
        registry.add("wellbase.identity.oauth.google.client-secret", () -> "google-secret");
        registry.add("wellbase.identity.oauth.google.authorization-uri", () -> base + "/o/oauth2/v2/auth");
        registry.add("wellbase.identity.oauth.google.token-uri", () -> base + "/google/token");
        registry.add("wellbase.identity.oauth.google.jwk-set-uri", () -> base + "/oauth2/v3/certs");
        registry.add("wellbase.identity.oauth.google.user-info-uri", () -> base + "/v1/userinfo");
        registry.add("wellbase.identity.oauth.github.client-id", () -> "github-client");
        registry.add("wellbase.identity.oauth.github.client-secret", () -> "github-secret");
        registry.add("wellbase.identity.oauth.github.authorization-uri", () -> base + "/login/oauth/authorize");
        registry.add("wellbase.identity.oauth.github.token-uri", () -> base + "/login/oauth/access_token");
        registry.add("wellbase.identity.oauth.github.user-info-uri", () -> base + "/user");
        registry.add("wellbase.identity.oauth.github.emails-uri", () -> base + "/user/emails");
    }

    @AfterAll
    void stop() {
        PROVIDER.stop();
    }

    @BeforeEach
    void jwks() {
        PROVIDER.resetAll();
        PROVIDER.stubFor(get(urlPathEqualTo("/oauth2/v3/certs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    /** Where the server sent the browser, with its query. */
    record Redirect(URI to, Map<String, String> query) {}

    private static Redirect redirect(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        URI to = URI.create(r.header("Location"));
        Map<String, String> query = new LinkedHashMap<>();
        if (to.getRawQuery() != null) {
            for (String pair : to.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new Redirect(to, query);
    }

    private Redirect start(String provider) {
        return redirect(api.get("/api/v1/auth/oauth/authorize/" + provider + "?redirect=" + FRONT_END, null));
    }

    private String idToken(String sub, String email, boolean verified, String nonce) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience("google-client")
                .subject(sub)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("nonce", nonce)
                .claim("email", email)
                .claim("email_verified", verified)
                .claim("given_name", "Gina")
                .claim("family_name", "Google")
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    /** The provider's side of a Google sign-in, then the callback: where the server sends the browser at the end. */
    private Redirect google(String sub, String email, boolean verified) throws Exception {
        Redirect authorize = start("google");
        assertThat(authorize.to().getPath()).isEqualTo("/o/oauth2/v2/auth");
        assertThat(authorize.query())
                .containsKeys("state", "nonce", "code_challenge")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", "google-client");
        assertThat(authorize.query().get("scope")).contains("openid").contains("email");
        PROVIDER.stubFor(post(urlPathEqualTo("/google/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token":"google-access-token","token_type":"Bearer","expires_in":3600,
                                 "scope":"openid profile email","id_token":"%s"}""".formatted(idToken(
                                sub, email, verified, authorize.query().get("nonce"))))));
        PROVIDER.stubFor(get(urlPathEqualTo("/v1/userinfo"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"sub":"%s","email":"%s","email_verified":%s,"given_name":"Gina","family_name":"Google"}""".formatted(sub, email, verified))));
        Redirect end = redirect(api.get(
                "/api/v1/auth/oauth/callback/google?code=provider-code&state="
                        + authorize.query().get("state"),
                null));
        String verifier = PROVIDER.findAll(postRequestedFor(urlPathEqualTo("/google/token")))
                .getLast()
                .getBodyAsString()
                .replaceAll(".*code_verifier=([^&]+).*", "$1");
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge)
                .as("PKCE: the verifier sent matches the challenge")
                .isEqualTo(authorize.query().get("code_challenge"));
        assertThat(end.to().toString()).startsWith(FRONT_END);
        return end;
    }

    private JsonNode exchange(String code) {
        Api.Response r = api.post("/api/v1/auth/oauth/exchange", Map.of("code", code), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aNewGoogleUserSignsUpThenSignsInAgainAndKeepsTheirLastWayIn() throws Exception {
        String sub = "g-" + UUID.randomUUID();
        String email = uniqueEmail("gina");
        Redirect first = google(sub, email, true);
        assertThat(first.query()).containsEntry("created", "true").containsKey("code");
        assertThat(first.to().toString()).doesNotContain("google-access-token");
        JsonNode tokens = exchange(first.query().get("code"));
        String access = tokens.path("accessToken").asString();
        JsonNode me = api.get("/api/v1/auth/me", access).json();
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("emailVerified").asBoolean()).isTrue();
        assertThat(api.post(
                                "/api/v1/auth/oauth/exchange",
                                Map.of("code", first.query().get("code")),
                                null)
                        .status())
                .as("a code works once")
                .isEqualTo(400);

        Redirect again = google(sub, email, true);
        assertThat(again.query()).doesNotContainKey("created");
        JsonNode second = exchange(again.query().get("code"));
        assertThat(api.get("/api/v1/auth/me", second.path("accessToken").asString())
                        .json()
                        .path("id")
                        .asString())
                .isEqualTo(me.path("id").asString());

        JsonNode identities = api.get("/api/v1/auth/identities", access).json().path("data");
        assertThat(identities.size()).isEqualTo(1);
        assertThat(identities.get(0).path("provider").asString()).isEqualTo("google");
        Api.Response last = api.delete("/api/v1/auth/identities/google", access);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.field("code")).isEqualTo("auth.last_sign_in_method");

        Api.Response replay = api.get("/api/v1/auth/oauth/callback/google?code=x&state=" + "unknown-state", null);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.field("code")).isEqualTo("auth.sign_in_failed");
    }

    @Test
    void anExistingAccountIsLinkedOnlyOnceItsOwnerConfirmsByMail() throws Exception {
        Account existing = register("owner");
        String sub = "g-" + UUID.randomUUID();
        Redirect end = google(sub, existing.email(), true);
        assertThat(end.query()).containsEntry("error", "confirm_email").doesNotContainKey("code");
        assertThat(jdbc.sql("SELECT count(*) FROM user_identities WHERE subject = :s")
                        .param("s", sub)
                        .query(Long.class)
                        .single())
                .as("nothing is linked before the owner confirms")
                .isZero();
        String token = tokenIn(lastEmailBody(existing.email(), "sign_in_link"));
        Api.Response confirmed = api.post("/api/v1/auth/oauth/confirm", Map.of("token", token), null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.field("user.id")).isEqualTo(existing.userId().toString());
        assertThat(api.post("/api/v1/auth/oauth/confirm", Map.of("token", token), null)
                        .status())
                .isEqualTo(400);

        Redirect next = google(sub, existing.email(), true);
        assertThat(api.get(
                                "/api/v1/auth/me",
                                exchange(next.query().get("code"))
                                        .path("accessToken")
                                        .asString())
                        .json()
                        .path("id")
                        .asString())
                .isEqualTo(existing.userId().toString());
        assertThat(api.delete("/api/v1/auth/identities/google", existing.accessToken())
                        .status())
                .as("an account with a password may unlink its provider")
                .isEqualTo(204);
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() throws Exception {
        String email = uniqueEmail("unverified");
        Redirect end = google("g-" + UUID.randomUUID(), email, false);
        assertThat(end.query()).containsEntry("error", "email_unverified");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void github(String id, String login, String publicEmail, String primaryEmail, boolean verified) {
        PROVIDER.stubFor(
                post(urlPathEqualTo("/login/oauth/access_token"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\":\"gho_secret\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}")));
        PROVIDER.stubFor(get(urlPathEqualTo("/user"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":%s,\"login\":\"%s\",\"name\":\"Octo Cat\",\"email\":%s}"
                                .formatted(id, login, publicEmail == null ? "null" : "\"" + publicEmail + "\""))));
        PROVIDER.stubFor(get(urlPathEqualTo("/user/emails"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                [{"email":"old@example.test","primary":false,"verified":true},
                                 {"email":"%s","primary":true,"verified":%s}]""".formatted(primaryEmail, verified))));
    }

    @Test
    void gitHubGivesItsPrimaryVerifiedAddressAndASignedInUserLinksIt() {
        String email = uniqueEmail("octo");
        String id = String.valueOf(Math.abs(new java.util.Random().nextInt()));
        github(id, "octocat", null, email, true);
        Redirect authorize = start("github");
        assertThat(authorize.query()).containsKeys("state", "code_challenge");
        Redirect end = redirect(api.get(
                "/api/v1/auth/oauth/callback/github?code=c&state="
                        + authorize.query().get("state"),
                null));
        assertThat(end.query()).containsKey("code");
        String access = exchange(end.query().get("code")).path("accessToken").asString();
        assertThat(api.get("/api/v1/auth/me", access).json().path("email").asString())
                .isEqualTo(email);
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo("/user/emails")))
                        .getLast()
                        .getHeader("Authorization"))
                .isEqualTo("Bearer gho_secret");

        Account person = register("linker");
        String other = String.valueOf(Math.abs(new java.util.Random().nextInt()));
        github(other, "linker", null, uniqueEmail("linker-gh"), false);
        Api.Response started =
                api.post("/api/v1/auth/identities/github", Map.of("redirect", FRONT_END), person.accessToken());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        Redirect linkAuthorize = redirect(api.get(started.field("authorizationUrl"), null));
        Redirect linked = redirect(api.get(
                "/api/v1/auth/oauth/callback/github?code=c&state="
                        + linkAuthorize.query().get("state"),
                null));
        assertThat(linked.query()).containsEntry("linked", "github");
        JsonNode identities =
                api.get("/api/v1/auth/identities", person.accessToken()).json().path("data");
        assertThat(identities.get(0).path("provider").asString()).isEqualTo("github");
        assertThat(api.get(started.field("authorizationUrl"), null).status())
                .as("a link ticket works once")
                .isEqualTo(400);
    }

    @Test
    void onlyConfiguredProvidersAndAllowedRedirects() {
        assertThat(api.get("/api/v1/auth/oauth/providers", null)
                        .json()
                        .path("providers")
                        .toString())
                .contains("google")
                .contains("github");
        Api.Response open = api.get("/api/v1/auth/oauth/authorize/google?redirect=https://evil.example/steal", null);
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.field("code")).isEqualTo("auth.redirect_not_allowed");
        Api.Response unknown = api.get("/api/v1/auth/oauth/authorize/myspace?redirect=" + FRONT_END, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("code")).isEqualTo("auth.provider_unknown");
    }
}
