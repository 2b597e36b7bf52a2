package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrganizationsIntegrationTests extends OrganizationTest {

    private static Map<String, Object> org(String name, String tz, String currency, String country) {
        return Map.of("name", name, "timezone", tz, "currency", currency, "country", country);
    }

    @Test
    void createMakesTheCallerOwnerAndAnswersLocation() {
        Account account = register("creator");
        Api.Response r = api.post(
                "/api/v1/organizations", org("Yoga Loft", "Europe/Berlin", "eur", "de"), account.accessToken());
        assertThat(r.status()).isEqualTo(201);
        UUID id = r.id();
        assertThat(r.header("Location")).endsWith("/api/v1/organizations/" + id);
        assertThat(r.field("role")).isEqualTo("owner");
        assertThat(r.field("currency")).isEqualTo("EUR");
        assertThat(r.field("country")).isEqualTo("DE");

        Api.Response got = api.get("/api/v1/organizations/" + id, account.accessToken());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.field("name")).isEqualTo("Yoga Loft");
        assertThat(got.field("role")).isEqualTo("owner");
    }

    @Test
    void invalidCodesAreRejectedNamingTheField() {
        Account account = register("invalid");
        assertInvalid(account, org("X", "Mars/Olympus", "EUR", "DE"), "timezone");
        assertInvalid(account, org("X", "Europe/Berlin", "XXQ", "DE"), "currency");
        assertInvalid(account, org("X", "Europe/Berlin", "EUR", "QQ"), "country");
        assertInvalid(account, org("", "Europe/Berlin", "EUR", "DE"), "name");
        assertThat(api.get("/api/v1/organizations", account.accessToken()).field("pagination.total"))
                .isEqualTo("0");
    }

    private void assertInvalid(Account account, Map<String, Object> body, String field) {
        Api.Response r = api.post("/api/v1/organizations", body, account.accessToken());
        assertThat(r.status()).as(field).isEqualTo(400);
        assertThat(r.field("code")).isEqualTo("validation_failed");
        assertThat(invalidFields(r)).contains(field);
    }

    @Test
    void listIsPaginatedWithTheEnvelope() {
        Account account = register("lister");
        for (String name : new String[] {"Alpha", "Bravo", "Charlie"}) {
            assertThat(api.post("/api/v1/organizations", org(name, "Europe/Berlin", "EUR", "DE"), account.accessToken())
                            .status())
                    .isEqualTo(201);
        }
        Api.Response first = api.get("/api/v1/organizations?page=1&page_size=2", account.accessToken());
        assertThat(first.status()).isEqualTo(200);
        JsonNode p = first.json().path("pagination");
        assertThat(p.path("page").asInt()).isEqualTo(1);
        assertThat(p.path("page_size").asInt()).isEqualTo(2);
        assertThat(p.path("total").asInt()).isEqualTo(3);
        assertThat(p.path("total_pages").asInt()).isEqualTo(2);
        assertThat(p.path("has_next").asBoolean()).isTrue();
        assertThat(first.json()
                        .path("data")
                        .valueStream()
                        .map(o -> o.path("name").asString()))
                .containsExactly("Alpha", "Bravo");

        Api.Response second = api.get("/api/v1/organizations?page=2&page_size=2", account.accessToken());
        assertThat(second.json().path("pagination").path("has_next").asBoolean())
                .isFalse();
        assertThat(second.json()
                        .path("data")
                        .valueStream()
                        .map(o -> o.path("name").asString()))
                .containsExactly("Charlie");
        assertThat(api.get("/api/v1/organizations?page_size=500", account.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void patchChangesFieldsAndNonMembersGet404() {
        Owner owner = ownerWithOrganization("Patchable");
        Api.Response r = api.patch(
                "/api/v1/organizations/" + owner.orgId(), Map.of("name", "Patched", "currency", "USD"), owner.token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.field("name")).isEqualTo("Patched");
        assertThat(r.field("currency")).isEqualTo("USD");
        assertThat(r.field("timezone")).isEqualTo("Europe/Berlin");

        Api.Response bad =
                api.patch("/api/v1/organizations/" + owner.orgId(), Map.of("timezone", "Nowhere"), owner.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(invalidFields(bad)).containsExactly("timezone");

        Owner stranger = ownerWithOrganization("Stranger");
        assertThat(api.patch("/api/v1/organizations/" + owner.orgId(), Map.of("name", "Hijacked"), stranger.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/organizations/" + owner.orgId(), stranger.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/organizations/" + owner.orgId(), owner.token())
                        .field("name"))
                .isEqualTo("Patched");
    }

    @Test
    void staffMayReadButNotPatchTheOrganization() {
        Owner owner = ownerWithOrganization("Read only");
        Member staff = memberWithRole(owner, "staff");
        assertThat(api.get("/api/v1/organizations/" + owner.orgId(), staff.token())
                        .field("role"))
                .isEqualTo("staff");
        assertThat(api.patch("/api/v1/organizations/" + owner.orgId(), Map.of("name", "Nope"), staff.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aUserWithOneOrganizationGetsItAtLogin() {
        Owner owner = ownerWithOrganization("Login scoped");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(200);
        JsonNode claims = claims(login.field("accessToken"));
        assertThat(claims.path("org").asString()).isEqualTo(owner.orgId().toString());
        assertThat(claims.path("role").asString()).isEqualTo("owner");
        assertThat(claims.path("sub").asString()).isEqualTo(owner.userId().toString());
    }

    @Test
    void aUserWithoutOrganizationHasNoOrgClaimAndCannotUseOrgEndpoints() {
        Account account = register("orgless");
        JsonNode claims = claims(account.accessToken());
        assertThat(claims.has("org")).isFalse();
        Api.Response r = api.get("/api/v1/locations", account.accessToken());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.field("code")).isEqualTo("organization.not_selected");
    }

    @Test
    void switchingToAnOrganizationYouAreNotInIs404() {
        Owner owner = ownerWithOrganization("Mine");
        Owner other = ownerWithOrganization("Theirs");
        Api.Response r =
                api.post("/api/v1/auth/switch-organization", Map.of("organizationId", other.orgId()), owner.token());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).doesNotContain("Theirs");

        Api.Response ok =
                api.post("/api/v1/auth/switch-organization", Map.of("organizationId", owner.orgId()), owner.token());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(claims(ok.field("accessToken")).path("org").asString())
                .isEqualTo(owner.orgId().toString());
    }
}
