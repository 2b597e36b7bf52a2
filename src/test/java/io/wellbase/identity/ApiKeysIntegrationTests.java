package io.wellbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API keys through HTTP: shown once and stored hashed, {@code X-Api-Key} acting for the organization with the key's
 * scopes only, revocation and the maker's removal ending a key at once, expiry, last use recorded, the audit trail
 * naming the key, and keys never reaching another organization or the personal endpoints.
 */
class ApiKeysIntegrationTests extends OrganizationTest {

    private Api.Response withKey(String method, String path, Object body, String key) {
        return api.send(method, path, body, null, Map.of("X-Api-Key", key));
    }

    private Api.Response makeKey(String token, List<String> scopes) {
        return api.post("/api/v1/api-keys", Map.of("name", "Front-end sync", "scopes", scopes), token);
    }

    @Test
    void aKeyActsForTheOrganizationWithItsScopesOnly() {
        Owner owner = ownerWithOrganization("Key Studio");
        Owner other = ownerWithOrganization("Other Key Studio");
        UUID theirs = api.post("/api/v1/clients", Map.of("firstName", "Theirs", "lastName", "Client"), other.token())
                .id();
        Api.Response made = makeKey(owner.token(), List.of("client_read", "client_read", "schedule_read"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String key = made.field("key");
        assertThat(key).startsWith("wbk_").hasSizeGreaterThan(40);
        assertThat(made.json().path("apiKey").path("scopes").toString())
                .isEqualTo("[\"client_read\",\"schedule_read\"]");
        UUID keyId = UUID.fromString(made.field("apiKey.id"));
        assertThat(made.header("Location")).isEqualTo("/api/v1/api-keys/" + keyId);

        String stored = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id")
                .param("id", keyId)
                .query(String.class)
                .single();
        assertThat(stored).as("the SHA-256 of the key, never the key").matches("[0-9a-f]{64}");
        assertThat(api.get("/api/v1/api-keys", owner.token()).text()).doesNotContain(key);

        UUID mine = api.post("/api/v1/clients", Map.of("firstName", "Mine", "lastName", "Client"), owner.token())
                .id();
        Api.Response read = withKey("GET", "/api/v1/clients", null, key);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text()).contains(mine.toString()).doesNotContain(theirs.toString());
        assertThat(read.header("RateLimit-Limit"))
                .as("a key has a budget of its own (wellbase.platform.rate-limits.api-key-per-minute)")
                .isEqualTo("600");
        assertThat(api.get("/api/v1/clients", owner.token()).header("RateLimit-Limit"))
                .isEqualTo("100000");
        assertThat(withKey("GET", "/api/v1/clients/" + theirs, null, key).status())
                .as("another organization's client")
                .isEqualTo(404);

        Api.Response write = withKey("POST", "/api/v1/clients", Map.of("firstName", "No", "lastName", "Scope"), key);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.field("code")).isEqualTo("auth.scope_missing");
        assertThat(withKey("GET", "/api/v1/auth/me", null, key).field("code"))
                .as("personal endpoints need a person")
                .isEqualTo("auth.person_required");
        assertThat(withKey("GET", "/api/v1/api-keys", null, key).status())
                .as("a key never manages keys")
                .isEqualTo(403);

        JsonNode listed = api.get("/api/v1/api-keys/" + keyId, owner.token()).json();
        assertThat(listed.path("status").asString()).isEqualTo("active");
        assertThat(listed.path("lastUsedAt").isNull()).isFalse();
        assertThat(listed.path("lastUsedIp").asString()).isEqualTo("127.0.0.1");
        assertThat(listed.path("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(api.get("/api/v1/api-keys/" + keyId, other.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/api-keys/" + keyId, other.token()).status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/api-keys/" + keyId, owner.token()).status())
                .isEqualTo(204);
        Api.Response revoked = withKey("GET", "/api/v1/clients", null, key);
        assertThat(revoked.status()).as("revocation is immediate").isEqualTo(401);
        assertThat(revoked.field("code")).isEqualTo("auth.api_key_invalid");
        assertThat(api.delete("/api/v1/api-keys/" + keyId, owner.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/api-keys/" + keyId, owner.token()).field("status"))
                .isEqualTo("revoked");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND entity_id = :id"
                                + " AND action IN ('api_key.created', 'api_key.revoked')")
                        .param("org", owner.orgId())
                        .param("id", keyId.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void whatAKeyDoesIsAuditedWithTheKeyAndItsMaker() {
        Owner owner = ownerWithOrganization("Audited Key Studio");
        String key =
                makeKey(owner.token(), List.of("client_write", "client_read")).field("key");
        Api.Response created =
                withKey("POST", "/api/v1/clients", Map.of("firstName", "Made", "lastName", "ByKey"), key);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> row = jdbc.sql("""
                SELECT actor_id, api_key_id FROM audit_log
                WHERE org_id = :org AND action = 'client.created' AND entity_id = :id
                """)
                .param("org", owner.orgId())
                .param("id", created.id().toString())
                .query()
                .singleRow();
        assertThat(row.get("actor_id")).isEqualTo(owner.userId());
        assertThat(row.get("api_key_id")).isNotNull();
        JsonNode audit =
                api.get("/api/v1/audit-logs?entityType=client", owner.token()).json();
        assertThat(audit.path("data").get(0).path("apiKeyId").asString())
                .isEqualTo(row.get("api_key_id").toString());
    }

    @Test
    void aKeyEndsWithItsMakersMembershipAndShrinksWithTheirRole() {
        Owner owner = ownerWithOrganization("Maker Studio");
        Member admin = memberWithRole(owner, "admin");
        Api.Response unknown = makeKey(admin.token(), List.of("client_read", "launch_rockets"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(invalidFields(unknown)).contains("scopes");
        Member staff = memberWithRole(owner, "staff");
        assertThat(makeKey(staff.token(), List.of("client_read")).status())
                .as("staff may not make keys")
                .isEqualTo(403);

        String key =
                makeKey(admin.token(), List.of("audit_read", "client_read")).field("key");
        assertThat(withKey("GET", "/api/v1/audit-logs", null, key).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/members/" + admin.userId(), Map.of("role", "front_desk"), owner.token())
                        .status())
                .isEqualTo(200);
        assertThat(withKey("GET", "/api/v1/clients", null, key).status())
                .as("front desk still reads clients")
                .isEqualTo(200);
        assertThat(withKey("GET", "/api/v1/audit-logs", null, key).status())
                .as("the key's scope that the maker's new role lacks is gone")
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/members/" + admin.userId(), owner.token())
                        .status())
                .isEqualTo(204);
        assertThat(withKey("GET", "/api/v1/clients", null, key).status())
                .as("a removed member's keys stop at once")
                .isEqualTo(401);
    }

    @Test
    void expiredUnknownAndDoubleCredentialsAreRefused() {
        Owner owner = ownerWithOrganization("Expiry Studio");
        Api.Response past = api.post(
                "/api/v1/api-keys",
                Map.of(
                        "name",
                        "Old",
                        "scopes",
                        List.of("client_read"),
                        "expiresAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString()),
                owner.token());
        assertThat(past.status()).isEqualTo(400);
        assertThat(invalidFields(past)).contains("expiresAt");

        Instant soon = Instant.now().plus(1, ChronoUnit.DAYS);
        Api.Response made = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Short-lived", "scopes", List.of("client_read"), "expiresAt", soon.toString()),
                owner.token());
        String key = made.field("key");
        assertThat(withKey("GET", "/api/v1/clients", null, key).status()).isEqualTo(200);
        clock.fixAt(soon.plusSeconds(1));
        assertThat(withKey("GET", "/api/v1/clients", null, key).status()).isEqualTo(401);
        clock.reset();

        assertThat(withKey("GET", "/api/v1/clients", null, "wbk_" + "A".repeat(43))
                        .field("code"))
                .isEqualTo("auth.api_key_invalid");
        assertThat(withKey("GET", "/api/v1/clients", null, "not-a-key").status())
                .isEqualTo(401);
        Api.Response both = api.send("GET", "/api/v1/clients", null, owner.token(), Map.of("X-Api-Key", key));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.field("code")).isEqualTo("auth.two_credentials");
    }
}
