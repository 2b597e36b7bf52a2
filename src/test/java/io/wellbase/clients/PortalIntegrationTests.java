package io.wellbase.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PortalIntegrationTests extends IntegrationTest {

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void anInvitedClientSeesAndEditsOnlyTheirOwnRecord() {
        Owner owner = ownerWithOrganization("Portal studio");
        String email = uniqueEmail("client");
        UUID clientId = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Pia", "lastName", "Portal", "email", email),
                        owner.token())
                .id();
        UUID otherClient = api.post(
                        "/api/v1/clients", Map.of("firstName", "Other", "lastName", "Person"), owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + clientId + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash"),
                owner.token());

        assertThat(api.post("/api/v1/clients/" + clientId + "/portal-invitations", Map.of(), owner.token())
                        .status())
                .isEqualTo(202);
        String token = tokenIn(lastEmailBody(email, "client_invitation"));
        Api.Response accepted =
                api.post("/api/v1/auth/client-invitations/accept", Map.of("token", token, "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String clientToken = accepted.field("accessToken");
        assertThat(claim(clientToken, "role")).isEqualTo("client");
        assertThat(claim(clientToken, "org")).isEqualTo(owner.orgId().toString());
        assertThat(api.post(
                                "/api/v1/auth/client-invitations/accept",
                                Map.of("token", token, "password", PASSWORD),
                                null)
                        .status())
                .as("single use")
                .isEqualTo(400);

        Api.Response profile = api.get("/api/v1/portal/profile", clientToken);
        assertThat(profile.field("id")).isEqualTo(clientId.toString());
        Api.Response patched = api.patch("/api/v1/portal/profile", Map.of("mobilePhone", "+49 171 000"), clientToken);
        assertThat(patched.field("mobilePhone")).isEqualTo("+49 171 000");
        assertThat(api.get("/api/v1/portal/memberships", clientToken)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);

        assertThat(api.get("/api/v1/clients", clientToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/clients/" + otherClient, clientToken).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/sales", clientToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/members", clientToken).status()).isEqualTo(403);
        Api.Response staff = api.get("/api/v1/portal/profile", owner.token());
        assertThat(staff.status()).as("staff are not clients").isEqualTo(403);
        assertThat(staff.field("code")).isEqualTo("portal.clients_only");
        Api.Response linked = api.post("/api/v1/clients/" + clientId + "/portal-invitations", Map.of(), owner.token());
        assertThat(linked.status()).isEqualTo(409);
        assertThat(linked.field("code")).isEqualTo("portal.already_linked");
        Api.Response noEmail =
                api.post("/api/v1/clients/" + otherClient + "/portal-invitations", Map.of(), owner.token());
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.field("code")).isEqualTo("portal.no_email");

        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.field("user.role"))
                .as("a client with one studio gets it at sign-in")
                .isEqualTo("client");
    }

    @Test
    void aClientUploadsListsAndDownloadsOwnFilesAndSeesOwnPurchasesOnly() {
        Owner owner = ownerWithOrganization("Portal files studio");
        String email = uniqueEmail("filer");
        UUID clientId = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Fay", "lastName", "Filer", "email", email),
                        owner.token())
                .id();
        UUID otherClient = api.post("/api/v1/clients", Map.of("firstName", "Olga", "lastName", "Other"), owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + clientId + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash", "note", "Staff only: paid with a voucher"),
                owner.token());
        api.post(
                "/api/v1/clients/" + otherClient + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash"),
                owner.token());
        UUID otherSale = UUID.fromString(api.get("/api/v1/sales?clientId=" + otherClient, owner.token())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString());
        UUID otherFile = api.upload(
                        "/api/v1/uploads",
                        Map.of("purpose", "client_document", "clientId", otherClient.toString()),
                        "olga.txt",
                        "Olga's document".getBytes(StandardCharsets.UTF_8),
                        owner.token())
                .id();
        UUID staffDocument = api.upload(
                        "/api/v1/uploads",
                        Map.of("purpose", "client_document", "clientId", clientId.toString()),
                        "consent.txt",
                        "Signed consent".getBytes(StandardCharsets.UTF_8),
                        owner.token())
                .id();
        UUID staffAttachment = api.upload(
                        "/api/v1/uploads",
                        Map.of("purpose", "attachment", "clientId", clientId.toString()),
                        "internal.txt",
                        "Staff attachment".getBytes(StandardCharsets.UTF_8),
                        owner.token())
                .id();
        String clientToken = portalToken(owner, clientId, email);

        byte[] document = "My own medical letter".getBytes(StandardCharsets.UTF_8);
        Api.Response uploaded = api.upload(
                "/api/v1/portal/files", Map.of("purpose", "client_document"), "letter.txt", document, clientToken);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/portal/files/" + uploaded.id());
        assertThat(uploaded.json().has("createdBy")).isFalse();
        assertThat(Api.download(uploaded.field("downloadUrl")).body()).isEqualTo(document);
        Api.Response staffView = api.get("/api/v1/uploads/" + uploaded.id(), owner.token());
        assertThat(staffView.field("clientId")).as("the file is the client's").isEqualTo(clientId.toString());

        assertThat(api.upload(
                                "/api/v1/portal/files",
                                Map.of("purpose", "import"),
                                "x.csv",
                                "a,b\n".getBytes(StandardCharsets.UTF_8),
                                clientToken)
                        .status())
                .as("staff purposes")
                .isEqualTo(400);
        assertThat(api.upload(
                                "/api/v1/portal/files",
                                Map.of("purpose", "client_document", "clientId", otherClient.toString()),
                                "x.txt",
                                "x".getBytes(StandardCharsets.UTF_8),
                                clientToken)
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/uploads?clientId=" + otherClient, owner.token())
                        .json()
                        .path("data")
                        .size())
                .as("a clientId sent by a client is ignored: the file is their own")
                .isEqualTo(1);

        Api.Response files = api.get("/api/v1/portal/files", clientToken);
        assertThat(files.status()).as(files.toString()).isEqualTo(200);
        assertThat(files.json().path("data").findValuesAsString("filename"))
                .containsExactlyInAnyOrder("letter.txt", "x.txt", "consent.txt");
        assertThat(files.text())
                .doesNotContain("olga.txt")
                .doesNotContain(staffAttachment.toString())
                .doesNotContain(owner.userId().toString());
        Api.Response one = api.get("/api/v1/portal/files/" + staffDocument, clientToken);
        assertThat(one.status()).isEqualTo(200);
        assertThat(Api.download(one.field("downloadUrl")).body())
                .isEqualTo("Signed consent".getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/portal/files/" + otherFile, clientToken).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/portal/files/" + staffAttachment, clientToken)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/uploads/" + otherFile, clientToken).status())
                .isEqualTo(403);

        Api.Response purchases = api.get("/api/v1/portal/sales", clientToken);
        assertThat(purchases.status()).as(purchases.toString()).isEqualTo(200);
        assertThat(purchases.json().path("data").size()).isEqualTo(1);
        JsonNode purchase = purchases.json().path("data").get(0);
        assertThat(purchase.path("total").asLong()).isEqualTo(5000);
        assertThat(purchase.path("items").get(0).path("description").asString()).isEqualTo("Pack");
        assertThat(purchases.text()).doesNotContain("Staff only").doesNotContain(otherSale.toString());
        assertThat(api.get("/api/v1/portal/sales/" + purchase.path("id").asString(), clientToken)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/portal/sales/" + otherSale, clientToken).status())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/portal/sales", owner.token()).status())
                .as("staff are not clients")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/portal/files", owner.token()).status()).isEqualTo(403);
        Owner stranger = ownerWithOrganization("Stranger studio");
        assertThat(api.get("/api/v1/portal/files/" + uploaded.id(), stranger.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void joinLinkSignsUpNewClientsAndCanBeRotated() {
        Owner owner = ownerWithOrganization("Join studio");
        Api.Response link = api.get("/api/v1/join-link", owner.token());
        String code = link.field("joinCode");
        assertThat(link.field("joinUrl")).endsWith("/join/" + code);
        assertThat(api.get("/api/v1/auth/join/" + code, null).field("organizationName"))
                .isEqualTo("Join studio");

        String email = uniqueEmail("joiner");
        Api.Response joined = api.post(
                "/api/v1/auth/join/" + code,
                Map.of("email", email, "password", PASSWORD, "firstName", "Jo", "lastName", "Iner"),
                null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.field("user.role")).isEqualTo("client");
        Api.Response listed = api.get("/api/v1/clients?q=" + email.substring(0, 10), owner.token());
        assertThat(listed.json().path("data").get(0).path("source").asString()).isEqualTo("portal");
        assertThat(listed.json().path("data").get(0).path("status").asString()).isEqualTo("lead");

        Account staffElsewhere = register("elsewhere");
        Api.Response existing = api.post("/api/v1/join/" + code, Map.of(), staffElsewhere.accessToken());
        assertThat(existing.field("user.role")).isEqualTo("client");

        Api.Response rotated = api.send("PATCH", "/api/v1/join-link", Map.of("rotate", true), owner.token(), Map.of());
        assertThat(rotated.field("joinCode")).isNotEqualTo(code);
        assertThat(api.get("/api/v1/auth/join/" + code, null).status()).isEqualTo(404);
        api.send("PATCH", "/api/v1/join-link", Map.of("enabled", false), owner.token(), Map.of());
        assertThat(api.get("/api/v1/auth/join/" + rotated.field("joinCode"), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anUnverifiedSignUpThroughTheJoinLinkNeverInheritsAnExistingClientRecord() {
        Owner owner = ownerWithOrganization("Takeover studio");
        String email = uniqueEmail("victim");
        UUID victim = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Vera", "lastName", "Victim", "email", email, "birthDate", "1980-02-03"),
                        owner.token())
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + victim + "/memberships",
                Map.of("planId", plan, "paymentMethod", "cash"),
                owner.token());
        String code = api.get("/api/v1/join-link", owner.token()).field("joinCode");

        Api.Response joined = api.post(
                "/api/v1/auth/join/" + code,
                Map.of("email", email, "password", PASSWORD, "firstName", "Mallory", "lastName", "Attacker"),
                null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        String attacker = joined.field("accessToken");
        Api.Response profile = api.get("/api/v1/portal/profile", attacker);
        assertThat(profile.field("id"))
                .as("a new lead record, not the victim's")
                .isNotEqualTo(victim.toString());
        assertThat(profile.field("birthDate")).isNull();
        assertThat(profile.field("firstName")).isEqualTo("Mallory");
        assertThat(api.get("/api/v1/portal/memberships", attacker)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM client_accounts WHERE client_id = :c")
                        .param("c", victim)
                        .query(Integer.class)
                        .single())
                .isZero();

        Account plain = register("plain");
        UUID second = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Sam", "lastName", "Second", "email", plain.email()),
                        owner.token())
                .id();
        Api.Response unverifiedJoin = api.post("/api/v1/join/" + code, Map.of(), plain.accessToken());
        assertThat(api.get("/api/v1/portal/profile", unverifiedJoin.field("accessToken"))
                        .field("id"))
                .as("joining after a plain registration links nothing either")
                .isNotEqualTo(second.toString());

        Account verified = register("verified");
        UUID third = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Val", "lastName", "Verified", "email", verified.email()),
                        owner.token())
                .id();
        String verification = tokenIn(lastEmailBody(verified.email(), "email_verification"));
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Map.of("token", verification), null)
                        .status())
                .isBetween(200, 204);
        Api.Response verifiedJoin = api.post("/api/v1/join/" + code, Map.of(), verified.accessToken());
        assertThat(api.get("/api/v1/portal/profile", verifiedJoin.field("accessToken"))
                        .field("id"))
                .as("a verified email links the existing record")
                .isEqualTo(third.toString());
    }

    @Test
    void staffOnlyFieldsStayOutOfTheClientsOwnView() {
        Owner owner = ownerWithOrganization("Private notes studio");
        String email = uniqueEmail("private");
        UUID clientId = api.post(
                        "/api/v1/clients",
                        Map.of(
                                "firstName",
                                "Pri",
                                "lastName",
                                "Vate",
                                "email",
                                email,
                                "tags",
                                java.util.List.of("difficult-payer")),
                        owner.token())
                .id();
        api.post(
                "/api/v1/clients/" + clientId + "/alerts",
                Map.of("level", "red", "message", "Owes 3 months"),
                owner.token());
        api.post(
                "/api/v1/clients/" + clientId + "/alerts",
                Map.of("level", "yellow", "message", "Bring your mat", "visibleToClient", true),
                owner.token());
        api.post("/api/v1/clients/" + clientId + "/portal-invitations", Map.of(), owner.token());
        String token = api.post(
                        "/api/v1/auth/client-invitations/accept",
                        Map.of("token", tokenIn(lastEmailBody(email, "client_invitation")), "password", PASSWORD),
                        null)
                .field("accessToken");

        Api.Response own = api.get("/api/v1/portal/profile", token);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).doesNotContain("Owes 3 months").doesNotContain("difficult-payer");
        assertThat(own.json().has("tags")).isFalse();
        assertThat(own.json().has("alerts")).isFalse();
        assertThat(own.json().has("status")).isFalse();
        assertThat(own.json().path("notices").size()).isEqualTo(1);
        assertThat(own.json().path("notices").get(0).path("message").asString()).isEqualTo("Bring your mat");
        Api.Response patched = api.patch("/api/v1/portal/profile", Map.of("phone", "+49 30 1"), token);
        assertThat(patched.text()).doesNotContain("Owes 3 months").doesNotContain("difficult-payer");

        Api.Response staffView = api.get("/api/v1/clients/" + clientId, owner.token());
        assertThat(staffView.json().path("alerts").size()).isEqualTo(2);
    }

    @Test
    void onboardingProgressShowsOnTheRecord() {
        Owner owner = ownerWithOrganization("Onboarding studio");
        UUID waiver = api.post(
                        "/api/v1/onboarding-steps", Map.of("key", "waiver", "label", "Sign the waiver"), owner.token())
                .id();
        api.post("/api/v1/onboarding-steps", Map.of("key", "first_class", "label", "First class"), owner.token());
        assertThat(api.post("/api/v1/onboarding-steps", Map.of("key", "Bad Key", "label", "x"), owner.token())
                        .status())
                .isEqualTo(400);
        Api.Response taken =
                api.post("/api/v1/onboarding-steps", Map.of("key", "waiver", "label", "Again"), owner.token());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field("code")).isEqualTo("onboarding.key_taken");
        UUID client = api.post("/api/v1/clients", Map.of("firstName", "On", "lastName", "Board"), owner.token())
                .id();
        assertThat(api.get("/api/v1/clients/" + client, owner.token()).field("onboarding.total"))
                .isEqualTo("2");
        Api.Response ticked = api.put("/api/v1/clients/" + client + "/onboarding/" + waiver, null, owner.token());
        assertThat(ticked.field("completed")).isEqualTo("1");
        assertThat(api.get("/api/v1/clients/" + client, owner.token()).field("onboarding.completed"))
                .isEqualTo("1");
        Api.Response unticked = api.delete("/api/v1/clients/" + client + "/onboarding/" + waiver, owner.token());
        assertThat(unticked.field("completed")).isEqualTo("0");
        Owner other = ownerWithOrganization("Other onboarding");
        assertThat(api.put("/api/v1/clients/" + client + "/onboarding/" + waiver, null, other.token())
                        .status())
                .isEqualTo(404);
    }
}
