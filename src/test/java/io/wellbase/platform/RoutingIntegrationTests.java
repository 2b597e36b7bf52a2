package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests reach the handlers Spring's own mapping would choose (LiteralPrefixHandlerMapping passes over
 * mappings whose literal text cannot match first): variable paths, a literal path beside a variable one,
 * escaped letters, wrong methods and unknown paths.
 */
class RoutingIntegrationTests extends IntegrationTest {

    @Test
    void variablePathsLiteralNeighboursAndEscapedLettersReachTheirHandlers() {
        Owner owner = ownerWithOrganization("Routing Studio");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Ada", "lastName", "Route"), owner.token())
                .id();

        Api.Response byId = api.get("/api/v1/clients/" + client, owner.token());
        Api.Response escaped = api.get("/api/v1/%63lients/" + client, owner.token());
        Api.Response literalBesideVariable = api.get("/api/v1/clients/facets", owner.token());

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.field("id")).isEqualTo(client.toString());
        assertThat(escaped.status()).isEqualTo(200);
        assertThat(escaped.field("id")).isEqualTo(client.toString());
        assertThat(literalBesideVariable.status()).isEqualTo(200);
        assertThat(literalBesideVariable.text()).doesNotContain("\"firstName\"");
    }

    @Test
    void aWrongMethodOnAVariablePathIsA405AndAnUnknownPathA404() {
        Owner owner = ownerWithOrganization("Routing Studio Two");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "Bo", "lastName", "Route"), owner.token())
                .id();

        Api.Response wrongMethod = api.put("/api/v1/clients/" + client, Map.of(), owner.token());
        Api.Response unknown = api.get("/api/v1/clients/" + client + "/no-such-thing", owner.token());
        Api.Response caseDiffers = api.get("/api/v1/Clients/" + client, owner.token());

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(caseDiffers.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).contains("application/problem+json");
    }
}
