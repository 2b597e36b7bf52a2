package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import io.wellbase.support.TestCrisisClassifier;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The counselor support queue through HTTP: ordered by priority then waiting time, taken by available
 * counselors with a free place (exactly one of two racing), messages through the session's conversation,
 * first-response and wait times in the metrics, closing and rating, and nobody else's session visible.
 */
class SupportQueueIntegrationTests extends OrganizationTest {

    private String client(Owner owner, String name) {
        String email = uniqueEmail(name);
        UUID id = api.post("/api/v1/clients", Map.of("firstName", name, "lastName", "Q", "email", email), owner.token())
                .id();
        return portalToken(owner, id, email);
    }

    private String open(String clientToken, String topic, String priority) {
        Api.Response r = api.post("/api/v1/chat/sessions", Map.of("topic", topic, "priority", priority), clientToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("id");
    }

    private void available(String token, int maxSessions) {
        Api.Response r = api.put(
                "/api/v1/chat/counselors/me",
                Map.of(
                        "licenseNumber",
                        "LPC-1",
                        "specializations",
                        List.of("anxiety"),
                        "languages",
                        List.of("en", "de"),
                        "status",
                        "available",
                        "maxSessions",
                        maxSessions),
                token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void theQueueServesTheMostUrgentFirstAndOneOfTwoRacingCounselorsGetsTheSession() throws Exception {
        Owner owner = ownerWithOrganization("Support A");
        String ana = client(owner, "Ana");
        String ben = client(owner, "Ben");
        String low = open(ana, "Sleep", "low");
        String high = open(ben, "Panic", "high");
        String emergency = open(ana, "Crisis", "emergency");
        String medium = open(ben, "Stress", "medium");
        JsonNode queue = api.get("/api/v1/chat/sessions", owner.token()).json().path("queue");
        assertThat(queue.findValuesAsString("id")).containsExactly(emergency, high, medium, low);
        assertThat(api.get("/api/v1/chat/sessions", ana).json().path("data").size())
                .as("a client sees only their own")
                .isEqualTo(2);

        Member first = memberWithRole(owner, "staff");
        Member second = memberWithRole(owner, "staff");
        Api.Response noProfile = api.post("/api/v1/chat/sessions/" + emergency + "/take", Map.of(), first.token());
        assertThat(noProfile.status()).isEqualTo(409);
        assertThat(noProfile.field("code")).isEqualTo("chat.counselor_unavailable");
        available(first.token(), 2);
        available(second.token(), 2);

        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/chat/sessions/" + emergency + "/take", Map.of(), first.token()));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(
                () -> api.post("/api/v1/chat/sessions/" + emergency + "/take", Map.of(), second.token()));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Member winner = a.get().status() == 200 ? first : second;
        Member loser = winner == first ? second : first;
        Api.Response lost = a.get().status() == 200 ? b.get() : a.get();
        assertThat(lost.field("code")).isEqualTo("chat.not_waiting");

        // the session is a conversation: the counselor is in it now, the other counselor is not
        String conversation =
                api.get("/api/v1/chat/sessions/" + emergency, winner.token()).field("conversationId");
        assertThat(api.post(
                                "/api/v1/conversations/" + conversation + "/messages",
                                Map.of("body", "I am here."),
                                winner.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", ana)
                        .text())
                .contains("I am here.");
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", loser.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/chat/sessions/" + emergency, winner.token()).field("firstResponseAt"))
                .isNotNull();

        // a counselor at capacity takes no more
        assertThat(api.post("/api/v1/chat/sessions/" + high + "/take", Map.of(), winner.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/chat/sessions/" + medium + "/take", Map.of(), winner.token())
                        .field("code"))
                .isEqualTo("chat.counselor_unavailable");

        JsonNode metrics = api.get("/api/v1/chat/metrics", owner.token()).json().path("data");
        assertThat(metrics.get(0).path("priority").asString()).isEqualTo("emergency");
        assertThat(metrics.get(0).path("medianWaitSeconds").isNull()).isFalse();
        assertThat(metrics.get(0).path("medianFirstResponseSeconds").isNull()).isFalse();
        assertThat(metrics.get(3).path("waitingNow").asLong())
                .as("the low one still waits")
                .isEqualTo(1);
    }

    @Test
    void anEmergencyAlertsEveryCounselorOnDutyAtOnceButNotTheOfflineOnes() throws Exception {
        Owner owner = ownerWithOrganization("Support C");
        String eve = client(owner, "Eve");
        Member onDuty = memberWithRole(owner, "staff");
        Member busy = memberWithRole(owner, "staff");
        Member offline = memberWithRole(owner, "staff");
        available(onDuty.token(), 2);
        api.put("/api/v1/chat/counselors/me", Map.of("status", "busy"), busy.token());
        api.put("/api/v1/chat/counselors/me", Map.of("status", "offline"), offline.token());
        // quiet hours do not hold an emergency back
        api.put(
                "/api/v1/notifications/preferences",
                Map.of("channels", Map.of(), "quietHours", Map.of("start", "00:00", "end", "23:59", "timezone", "UTC")),
                onDuty.token());

        // and a device of the counselor on duty is registered for push
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey)
                generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        Api.Response device = api.post(
                "/api/v1/notifications/push-subscriptions",
                Map.of(
                        "endpoint",
                        "http://127.0.0.1:9/push/counselor",
                        "keys",
                        Map.of("p256dh", b64.encodeToString(point), "auth", b64.encodeToString(new byte[16]))),
                onDuty.token());
        assertThat(device.status()).as(device.toString()).isEqualTo(201);

        String session = open(eve, "I can't go on", "emergency");

        for (Member m : List.of(onDuty, busy)) {
            JsonNode inbox = api.get("/api/v1/notifications?category=emergency", m.token())
                    .json()
                    .path("data");
            assertThat(inbox.size()).as("told at once").isEqualTo(1);
            assertThat(inbox.get(0).path("title").asString()).isEqualTo("Emergency: a client is waiting");
            assertThat(inbox.get(0).path("entityId").asString()).isEqualTo(session);
        }
        assertThat(api.get("/api/v1/notifications?category=emergency", offline.token())
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE type = 'chat.emergency'"
                                + " AND user_id = :u AND next_attempt_at <= now() + interval '1 minute'")
                        .param("u", onDuty.userId())
                        .query(Long.class)
                        .single())
                .as("its email and push are not deferred to the end of the quiet hours")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE type = 'chat.emergency'"
                                + " AND user_id = :u AND channel = 'push'")
                        .param("u", onDuty.userId())
                        .query(Long.class)
                        .single())
                .as("pushed to the counselor's device")
                .isEqualTo(1);
    }

    @Test
    void onCallContactsAndCounselorsAlertPhonesHearOfAnEmergencyByEmailAndText() {
        Owner owner = ownerWithOrganization("Support on call");
        String gus = client(owner, "Gus");
        String settings = "/api/v1/chat/settings";
        Map<String, Object> doctor =
                Map.of("name", "Dr On Call", "email", "oncall@example.test", "phone", "+4930123456");
        Map<String, Object> nightLine = Map.of("name", "Night line", "phone", "+4930999999");
        Api.Response saved = api.put(
                settings,
                Map.of("crisisLine", "Call 112", "onCallContacts", List.of(doctor, nightLine)),
                owner.token());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        // a contact to reach nowhere, a phone not in E.164 form: 400, nothing changed
        Api.Response nowhere = api.put(
                settings,
                Map.of("crisisLine", "Call 112", "onCallContacts", List.of(Map.of("name", "Nobody"))),
                owner.token());
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.text()).contains("onCallContacts[0]");
        assertThat(api.put(
                                settings,
                                Map.of(
                                        "crisisLine",
                                        "Call 112",
                                        "onCallContacts",
                                        List.of(Map.of("name", "Local", "phone", "030 1234"))),
                                owner.token())
                        .status())
                .isEqualTo(400);
        JsonNode kept = api.get(settings, owner.token()).json().path("onCallContacts");
        assertThat(kept.findValuesAsString("name")).containsExactly("Dr On Call", "Night line");

        Member counselor = memberWithRole(owner, "staff");
        assertThat(api.put(
                                "/api/v1/chat/counselors/me",
                                Map.of("status", "available", "alertPhone", "0151 123"),
                                counselor.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/chat/counselors/me",
                                Map.of("status", "available", "alertPhone", "+4915112345678"),
                                counselor.token())
                        .status())
                .isEqualTo(200);

        Member colleague = memberWithRole(owner, "staff");
        JsonNode seenByColleague =
                api.get("/api/v1/chat/counselors", colleague.token()).json().path("data");
        assertThat(seenByColleague.findValuesAsString("alertPhone"))
                .as("a counselor's alert phone is not shown to colleagues")
                .doesNotContain("+4915112345678");
        assertThat(api.get("/api/v1/chat/counselors", owner.token()).text()).contains("+4915112345678");
        Api.Response nullContact = api.send(
                "PUT",
                settings,
                Map.of("crisisLine", "Call 112", "onCallContacts", java.util.Arrays.asList((Object) null)),
                owner.token(),
                Map.of());
        assertThat(nullContact.status()).as(nullContact.toString()).isEqualTo(400);

        open(gus, "Not urgent", "high");
        assertThat(contactDeliveries(owner)).as("only an emergency calls them").isEmpty();
        open(gus, "I am not safe", "emergency");
        assertThat(contactDeliveries(owner))
                .containsExactlyInAnyOrder(
                        "email oncall@example.test", "sms +4930123456", "sms +4930999999", "sms +4915112345678");
    }

    /** The organization's emergency deliveries to addresses of their own (no account), due now. */
    private List<String> contactDeliveries(Owner owner) {
        return jdbc.sql(
                        "SELECT channel || ' ' || recipient FROM notification_deliveries WHERE org_id = :org"
                                + " AND type = 'chat.emergency' AND user_id IS NULL AND next_attempt_at <= now() + interval '1 minute'")
                .param("org", owner.orgId())
                .query(String.class)
                .list();
    }

    @Test
    void aCrisisClassifierJudgesSessionMessagesWithoutKeywordsAfterTheyAreStored() throws Exception {
        Owner owner = ownerWithOrganization("Support classifier");
        String ida = client(owner, "Ida");
        String session = open(ida, "Low mood", "low");
        String conversation = api.get("/api/v1/chat/sessions/" + session, ida).field("conversationId");
        String messages = "/api/v1/conversations/" + conversation + "/messages";

        Api.Response calm = api.post(messages, Map.of("body", "Everything feels grey today."), ida);
        assertThat(calm.status()).isEqualTo(201);
        String worrying = "I have given my things away " + TestCrisisClassifier.SIGNAL;
        assertThat(api.post(messages, Map.of("body", worrying), ida).status()).isEqualTo(201);
        String priority = "low";
        for (int i = 0; i < 50 && !priority.equals("emergency"); i++) {
            Thread.sleep(100);
            priority = api.get("/api/v1/chat/sessions/" + session, ida).field("priority");
        }
        assertThat(priority).as("the classifier's judgement raises it").isEqualTo("emergency");
        assertThat(api.get("/api/v1/notifications?category=emergency", ida)
                        .json()
                        .path("data")
                        .size())
                .as("the client is told where to find help")
                .isEqualTo(1);
        assertThat(TestCrisisClassifier.asked).contains("Everything feels grey today.", worrying);

        // a conversation that is not a chat session: the classifier is not asked
        String team = api.post("/api/v1/conversations", Map.of("kind", "staff", "title", "Team"), owner.token())
                .field("conversation.id");
        String ordinary = "Just a note " + TestCrisisClassifier.SIGNAL + " " + UUID.randomUUID();
        assertThat(api.post("/api/v1/conversations/" + team + "/messages", Map.of("body", ordinary), owner.token())
                        .status())
                .isEqualTo(201);
        Thread.sleep(300);
        assertThat(TestCrisisClassifier.asked).doesNotContain(ordinary);
    }

    @Test
    void wordsOfCrisisRaiseTheSessionAndTellTheClientWhereToFindHelp() throws Exception {
        Owner owner = ownerWithOrganization("Support D");
        String fay = client(owner, "Fay");
        Member counselor = memberWithRole(owner, "staff");
        available(counselor.token(), 2);
        assertThat(api.put("/api/v1/chat/settings", Map.of("crisisLine", ""), owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/chat/settings", Map.of("crisisLine", "0800 111 0 111"), counselor.token())
                        .status())
                .as("owners and admins set it")
                .isEqualTo(403);
        assertThat(api.put("/api/v1/chat/settings", Map.of("crisisLine", "0800 111 0 111"), owner.token())
                        .field("crisisLine"))
                .isEqualTo("0800 111 0 111");
        String session = open(fay, "Work stress", "low");
        String conversation = api.get("/api/v1/chat/sessions/" + session, fay).field("conversationId");
        String messages = "/api/v1/conversations/" + conversation + "/messages";

        api.post(messages, Map.of("body", "Work is hard lately."), fay);
        assertThat(api.get("/api/v1/chat/sessions/" + session, fay).field("priority"))
                .isEqualTo("low");

        api.post(messages, Map.of("body", "Manchmal will ich mich UMBRINGEN."), fay);
        assertThat(api.get("/api/v1/chat/sessions/" + session, fay).field("priority"))
                .as("raised to emergency, in any language")
                .isEqualTo("emergency");
        assertThat(api.get("/api/v1/chat/sessions", owner.token())
                        .json()
                        .path("queue")
                        .get(0)
                        .path("id")
                        .asString())
                .as("it jumps the queue")
                .isEqualTo(session);
        JsonNode alerted = api.get("/api/v1/notifications?category=emergency", counselor.token())
                .json()
                .path("data");
        assertThat(alerted.findValuesAsString("type")).contains("chat.emergency");
        JsonNode help =
                api.get("/api/v1/notifications?category=emergency", fay).json().path("data");
        assertThat(help.size()).isEqualTo(1);
        assertThat(help.get(0).path("body").asString()).contains("0800 111 0 111");

        api.post(messages, Map.of("body", "I keep thinking about suicide."), fay);
        assertThat(api.get("/api/v1/notifications?category=emergency", fay)
                        .json()
                        .path("data")
                        .size())
                .as("told where to find help once per session")
                .isEqualTo(1);
    }

    @Test
    void theHeadOfTheQueueIsOfferedToTheAvailableCounselorWithTheMostFreePlaces() {
        Owner owner = ownerWithOrganization("Support E");
        String gus = client(owner, "Gus");
        Member roomy = memberWithRole(owner, "staff");
        Member full = memberWithRole(owner, "staff");
        Member away = memberWithRole(owner, "staff");
        available(roomy.token(), 3);
        available(full.token(), 1);
        api.put("/api/v1/chat/counselors/me", Map.of("status", "offline"), away.token());
        String busyOne = open(gus, "Already talking", "low");
        api.post("/api/v1/chat/sessions/" + busyOne + "/take", Map.of(), full.token());

        String waiting = open(gus, "Anxiety", "medium");

        JsonNode offered = api.get("/api/v1/notifications?category=messages", roomy.token())
                .json()
                .path("data");
        assertThat(offered.findValuesAsString("type")).contains("chat.offered");
        assertThat(offered.findValuesAsString("entityId")).contains(waiting);
        for (Member other : List.of(full, away)) {
            assertThat(api.get("/api/v1/notifications?category=messages", other.token())
                            .json()
                            .path("data")
                            .findValuesAsString("entityId"))
                    .as("not to one without a place, never to an offline one")
                    .doesNotContain(waiting);
        }
        assertThat(api.get("/api/v1/chat/sessions/" + waiting, owner.token()).field("status"))
                .as("offered, not assigned: the counselor takes it")
                .isEqualTo("waiting");
    }

    @Test
    void theClientClosesAndRatesOnceAndNobodyElseSeesTheSession() {
        Owner owner = ownerWithOrganization("Support B");
        String cleo = client(owner, "Cleo");
        String dora = client(owner, "Dora");
        String session = open(cleo, "Grief", "medium");
        Member counselor = memberWithRole(owner, "staff");
        available(counselor.token(), 3);
        assertThat(api.post("/api/v1/chat/sessions/" + session + "/take", Map.of(), counselor.token())
                        .status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/chat/sessions/" + session, dora).status())
                .as("another client")
                .isEqualTo(404);
        Owner stranger = ownerWithOrganization("Support stranger");
        assertThat(api.get("/api/v1/chat/sessions/" + session, stranger.token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/chat/sessions/" + session + "/take", Map.of(), cleo)
                        .status())
                .as("a client takes nothing")
                .isEqualTo(403);
        Member other = memberWithRole(owner, "staff");
        Api.Response notTheirs = api.post("/api/v1/chat/sessions/" + session + "/close", Map.of(), other.token());
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.field("code")).isEqualTo("chat.not_yours");
        assertThat(api.put("/api/v1/chat/sessions/" + session + "/rate", Map.of("rating", 5), cleo)
                        .field("code"))
                .as("not closed yet")
                .isEqualTo("chat.not_rateable");

        assertThat(api.post("/api/v1/chat/sessions/" + session + "/close", Map.of(), cleo)
                        .field("status"))
                .isEqualTo("closed");
        assertThat(api.post("/api/v1/chat/sessions/" + session + "/close", Map.of(), cleo)
                        .field("code"))
                .isEqualTo("chat.closed");
        assertThat(api.put("/api/v1/chat/sessions/" + session + "/rate", Map.of("rating", 6), cleo)
                        .status())
                .isEqualTo(400);
        Api.Response rated =
                api.put("/api/v1/chat/sessions/" + session + "/rate", Map.of("rating", 4, "feedback", "Kind."), cleo);
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(api.put("/api/v1/chat/sessions/" + session + "/rate", Map.of("rating", 1), cleo)
                        .status())
                .as("once")
                .isEqualTo(409);
        JsonNode counselors =
                api.get("/api/v1/chat/counselors", owner.token()).json().path("data");
        assertThat(counselors.get(0).path("rating").asDouble()).isEqualTo(4.0);
        assertThat(counselors.get(0).path("totalSessions").asInt()).isEqualTo(1);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("topic", "", "priority", "low"), Map.of("topic", "x", "priority", "urgent"))) {
            assertThat(api.post("/api/v1/chat/sessions", bad, cleo).status())
                    .as(bad.toString())
                    .isEqualTo(400);
        }
        Api.Response staffOpens = api.post("/api/v1/chat/sessions", Map.of("topic", "staff?"), owner.token());
        assertThat(staffOpens.status()).isEqualTo(403);
        assertThat(staffOpens.field("code")).isEqualTo("chat.clients_only");
        assertThat(api.put("/api/v1/chat/counselors/me", Map.of("status", "napping"), counselor.token())
                        .status())
                .isEqualTo(400);
    }
}
