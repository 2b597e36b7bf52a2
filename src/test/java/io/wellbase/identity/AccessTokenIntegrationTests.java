package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccessTokenIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    @Test
    void meWithATokenShowsTheUser() {
        Account account = register("me");

        Api.Response me = api.get("/api/v1/auth/me", account.accessToken());

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.field("id")).isEqualTo(account.userId().toString());
        assertThat(me.field("email")).isEqualTo(account.email());
        assertThat(me.field("organizationId")).isNull();
        assertThat(me.field("role")).isNull();
    }

    @Test
    void meWithoutATokenIsAProblem() {
        Api.Response me = api.get("/api/v1/auth/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("Content-Type")).startsWith("application/problem+json");
        assertThat(me.field("code")).isEqualTo("auth.unauthenticated");
        assertThat(me.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void tamperedTokensAreRejected() {
        Account account = register("tamper");
        String[] parts = account.accessToken().split("\\.");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(account.userId().toString(), UUID.randomUUID().toString())
                        .getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        String unsigned = parts[0] + "." + parts[1] + ".";

        for (String token : new String[] {forged, badSignature, unsigned, "garbage"}) {
            Api.Response me = api.get("/api/v1/auth/me", token);
            assertThat(me.status()).as(token).isEqualTo(401);
            assertThat(me.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void accessTokenCarriesTheStandardClaims() {
        Account account = register("claims");
        long before = Instant.now().getEpochSecond();

        JsonNode header = part(account.accessToken(), 0);
        JsonNode claims = part(account.accessToken(), 1);

        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(header.path("kid").asString()).isNotBlank();
        assertThat(claims.path("sub").asString()).isEqualTo(account.userId().toString());
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        assertThat(iat).isBetween(before - 120, before + 5);
        assertThat(exp - iat).isEqualTo(15 * 60);
        assertThat(UUID.fromString(claims.path("jti").asString())).isNotNull();
        assertThat(claims.has("org")).isFalse();
        assertThat(claims.has("role")).isFalse();

        String other = api.post("/api/v1/auth/refresh", java.util.Map.of("refreshToken", account.refreshToken()), null)
                .field("accessToken");
        assertThat(part(other, 1).path("jti").asString())
                .isNotEqualTo(claims.path("jti").asString());
    }

    @Test
    void switchOrganizationScopesTheTokenAsOwner() {
        Owner owner = ownerWithOrganization("Claims Studio");

        JsonNode claims = part(owner.token(), 1);

        assertThat(claims.path("sub").asString()).isEqualTo(owner.userId().toString());
        assertThat(claims.path("org").asString()).isEqualTo(owner.orgId().toString());
        assertThat(claims.path("role").asString()).isEqualTo("owner");
        Api.Response me = api.get("/api/v1/auth/me", owner.token());
        assertThat(me.field("organizationId")).isEqualTo(owner.orgId().toString());
        assertThat(me.field("role")).isEqualTo("owner");
    }

    @Test
    void switchingToAForeignOrganizationIsNotFound() {
        Owner owner = ownerWithOrganization("Foreign Studio");
        Account stranger = register("stranger");

        Api.Response r = api.post(
                "/api/v1/auth/switch-organization",
                java.util.Map.of("organizationId", owner.orgId()),
                stranger.accessToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(404);
    }

    @Test
    void jwksPublishesTheKeyThatSignedTheToken() {
        Account account = register("jwks");
        String kid = part(account.accessToken(), 0).path("kid").asString();

        Api.Response jwks = api.get("/.well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        JsonNode keys = jwks.json().path("keys");
        assertThat(keys.valueStream().map(k -> k.path("kid").asString())).contains(kid);
        keys.valueStream().forEach(key -> {
            assertThat(key.path("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("n")).isTrue();
            assertThat(key.has("d"))
                    .as("private exponent must not be published")
                    .isFalse();
            assertThat(key.has("p")).isFalse();
        });
    }
}
