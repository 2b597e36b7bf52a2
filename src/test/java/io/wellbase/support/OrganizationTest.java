package io.wellbase.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integration tests that need staff in an organization: invitations accepted through the API, so
 * every member holds a real token with their role. Inherits the one shared Spring context.
 */
public abstract class OrganizationTest extends IntegrationTest {

    /** A member who joined through an invitation, with a token scoped to the organization. */
    public record Member(UUID userId, String email, String token) {}

    /** Invites an email with a role as the given inviter; answers the emailed token. */
    protected String invite(String inviterToken, String email, String role) {
        Api.Response r = api.post("/api/v1/invitations", Map.of("email", email, "role", role), inviterToken);
        if (r.status() != 201) {
            throw new AssertionError("invite failed: " + r);
        }
        return tokenIn(lastEmailBody(email, "invitation"));
    }

    /** A brand-new user who joins the owner's organization with a role. */
    protected Member memberWithRole(Owner owner, String role) {
        String email = uniqueEmail(role.replace('_', '-'));
        String token = invite(owner.token(), email, role);
        Api.Response r = api.post(
                "/api/v1/auth/invitations/accept",
                Map.of("token", token, "firstName", "Mem", "lastName", role, "password", PASSWORD),
                null);
        if (r.status() != 200) {
            throw new AssertionError("accept failed: " + r);
        }
        return new Member(UUID.fromString(r.field("user.id")), email, r.field("accessToken"));
    }

    /** The decoded payload of a JWT. */
    protected static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    protected UUID createLocation(String token, String name, List<Map<String, Object>> rooms) {
        Api.Response r = api.post(
                "/api/v1/locations",
                Map.of(
                        "name",
                        name,
                        "timezone",
                        "Europe/Berlin",
                        "address",
                        Map.of("city", "Berlin", "country", "DE"),
                        "rooms",
                        rooms),
                token);
        if (r.status() != 201) {
            throw new AssertionError("create location failed: " + r);
        }
        return r.id();
    }

    protected static Map<String, Object> room(String name, int capacity) {
        return Map.of("name", name, "capacity", capacity);
    }

    /** The field names of a validation problem. */
    protected static List<String> invalidFields(Api.Response r) {
        return r.json()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    protected long auditCount(UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org")
                .param("org", orgId)
                .query(Long.class)
                .single();
    }

    /** A revenue summary report run through the API as JSON, waited for and downloaded. */
    protected JsonNode revenueReport(Owner owner, Map<String, Object> filters) {
        Api.Response requested = api.post(
                "/api/v1/reports",
                Map.of("reportType", "revenue_summary", "format", "json", "filters", filters),
                owner.token());
        if (requested.status() != 202) {
            throw new AssertionError(requested.toString());
        }
        UUID id = UUID.fromString(requested.field("reportId"));
        for (int i = 0; i < 300; i++) {
            Api.Response status = api.get("/api/v1/reports/status/" + id, owner.token());
            if (!status.field("status").equals("processing")) {
                if (!status.field("status").equals("completed")) {
                    throw new AssertionError(status.toString());
                }
                return api.json(Api.download(status.json().path("downloadUrl").asString())
                        .body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the report did not finish");
    }
}
