package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error path answers an RFC 9457 problem with a code and the request id, never a stack trace.
 */
class ProblemDetailsIntegrationTests extends IntegrationTest {

    private void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("code")).isEqualTo(code);
        assertThat(response.field("status")).isEqualTo(String.valueOf(status));
        assertThat(response.field("requestId")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
        assertThat(response.field("type")).startsWith("https://wellbase.dev/problems/");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at io.wellbase");
    }

    @Test
    void malformedJsonIsA400() {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\": \"a@b.c\", ", null);
        assertProblem(r, 400, "request.malformed");
    }

    @Test
    void missingFieldsListEveryField() {
        Api.Response r = api.post("/api/v1/auth/register", Map.of("email", "not-an-email"), null);
        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .contains("email", "password", "firstName", "lastName");
    }

    @Test
    void wrongTypesNameTheField() {
        Owner owner = ownerWithOrganization("Types");
        Api.Response r = api.post(
                "/api/v1/locations",
                "{\"name\":\"X\",\"timezone\":\"UTC\",\"rooms\":[{\"name\":\"A\",\"capacity\":\"lots\"}]}",
                owner.token());
        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("rooms[0].capacity");
        Api.Response badId = api.get("/api/v1/locations/not-a-uuid", owner.token());
        assertProblem(badId, 400, "validation_failed");
    }

    @Test
    void hugeBodiesAre413WithOrWithoutContentLength() {
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        assertProblem(api.post("/api/v1/auth/login", huge, null), 413, "request.too_large");
    }

    @Test
    void unknownRoutesMethodsAndMediaTypes() {
        Account account = register("errors");
        assertProblem(api.get("/api/v1/no-such-thing", account.accessToken()), 404, "not_found");
        assertProblem(api.delete("/api/v1/auth/login", null), 405, "request.method_not_allowed");
        Api.Response xml =
                api.send("POST", "/api/v1/auth/login", "<login/>", null, Map.of("Content-Type", "application/xml"));
        assertProblem(xml, 415, "request.unsupported_media_type");
        assertProblem(
                api.send("GET", "/api/v1/auth/me", null, account.accessToken(), Map.of("Accept", "application/xml")),
                406,
                "request.not_acceptable");
    }

    @Test
    void unauthenticatedAndBadTokensAre401() {
        assertProblem(api.get("/api/v1/locations", null), 401, "auth.unauthenticated");
        assertProblem(api.get("/api/v1/locations", "not.a.jwt"), 401, "auth.invalid_token");
    }

    @Test
    void noOrganizationIsA403() {
        Account account = register("noorg");
        assertProblem(api.get("/api/v1/locations", account.accessToken()), 403, "organization.not_selected");
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        Api.Response given = api.send("GET", "/actuator/health", null, null, Map.of("X-Request-Id", "abc-123"));
        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        Api.Response created = api.get("/actuator/health", null);
        assertThat(created.header("X-Request-Id")).hasSizeGreaterThan(10);
        Api.Response hostile =
                api.send("GET", "/actuator/health", null, null, Map.of("X-Request-Id", "bad id with spaces"));
        assertThat(hostile.header("X-Request-Id")).isNotEqualTo("bad id with spaces");
    }

    @Test
    void securityHeadersAreSet() {
        Api.Response r = api.get("/actuator/health", null);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }
}
