package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompSession;
import tools.jackson.databind.JsonNode;

/**
 * The socket with a real STOMP client over a real WebSocket: the token is checked at CONNECT and on every
 * SUBSCRIBE, a participant receives a conversation's messages in sequence order, nobody else may subscribe,
 * a flood of typing is thinned out, and in-app notifications arrive on the user's own queue.
 */
class StompIntegrationTests extends MessagingTest {

    private final StompTestClient stomp = new StompTestClient();

    @AfterEach
    void disconnect() {
        stomp.close();
    }

    private StompTestClient.Socket connect(String token) throws Exception {
        return stomp.connect(port, token);
    }

    private static BlockingQueue<JsonNode> subscribe(StompSession session, String destination) {
        return StompTestClient.subscribe(session, destination);
    }

    private static JsonNode next(BlockingQueue<JsonNode> frames) throws InterruptedException {
        return StompTestClient.next(frames);
    }

    @Test
    void aParticipantReceivesTheConversationsMessagesInOrderAndNotificationsOnItsOwnQueue() throws Exception {
        Chat c = chat("Socket A");
        StompTestClient.Socket socket = connect(c.clientToken());
        // a subscription with a receipt header is acknowledged once the broker has it
        BlockingQueue<JsonNode> conversation =
                StompTestClient.subscribeAndWait(socket.session(), "/topic/conversations." + c.conversation());
        BlockingQueue<JsonNode> notifications =
                StompTestClient.subscribeAndWait(socket.session(), "/user/queue/notifications");

        // the coach and a colleague write at once: the client gets every message once, in number order
        Member colleague = memberWithRole(c.owner(), "staff");
        api.post(
                "/api/v1/conversations/" + c.conversation() + "/participants",
                Map.of("userId", colleague.userId()),
                c.owner().token());
        JsonNode joined = next(conversation);
        assertThat(joined.path("event").asString()).isEqualTo("participant.added");
        assertThat(joined.path("userId").asString())
                .isEqualTo(colleague.userId().toString());
        List<CompletableFuture<Api.Response>> sends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String token = i % 2 == 0 ? c.owner().token() : colleague.token();
            int n = i;
            sends.add(CompletableFuture.supplyAsync(() -> api.post(
                    "/api/v1/conversations/" + c.conversation() + "/messages", Map.of("body", "m" + n), token)));
        }
        for (CompletableFuture<Api.Response> s : sends) {
            assertThat(s.get().status()).isEqualTo(201);
        }
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            JsonNode frame = next(conversation);
            assertThat(frame.path("event").asString()).isEqualTo("message.created");
            seqs.add(frame.path("seq").asLong());
        }
        assertThat(seqs)
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSize(30)
                .startsWith(1L)
                .endsWith(30L);
        assertThat(conversation.poll(500, TimeUnit.MILLISECONDS))
                .as("nothing twice")
                .isNull();
        assertThat(api.get("/api/v1/notifications?category=messages", c.clientToken())
                        .json()
                        .path("data")
                        .size())
                .as("connected: no 'new message' notification")
                .isZero();

        // an in-app notification for the client arrives on the client's own queue, and its reading too
        Api.Response told = api.post(
                "/api/v1/notifications",
                Map.of("title", "Hello Sam", "body", "A note.", "clientIds", List.of(c.client())),
                c.owner().token());
        assertThat(told.status()).as(told.toString()).isEqualTo(202);
        JsonNode fresh = next(notifications);
        assertThat(fresh.path("event").asString()).isEqualTo("notification:new");
        assertThat(fresh.path("title").asString()).isEqualTo("Hello Sam");
        api.patch("/api/v1/notifications/" + fresh.path("id").asString() + "/read", Map.of(), c.clientToken());
        JsonNode read = next(notifications);
        assertThat(read.path("event").asString()).isEqualTo("notification:read");
        assertThat(read.path("id").asString()).isEqualTo(fresh.path("id").asString());
        assertThat(socket.errors()).isEmpty();
    }

    @Test
    void noTokenOrSomeoneElsesConversationIsRefused() throws Exception {
        Chat c = chat("Socket B");
        Chat other = chat("Socket B other");
        ExecutionException refused =
                org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> connect(null));
        assertThat(refused).isNotNull();
        ExecutionException forged =
                org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> connect("not-a-token"));
        assertThat(forged).isNotNull();

        StompTestClient.Socket socket = connect(c.clientToken());
        BlockingQueue<JsonNode> foreign = subscribe(socket.session(), "/topic/conversations." + other.conversation());
        assertThat(StompTestClient.refusal(socket))
                .as("an ERROR frame, and closed")
                .containsAnyOf("auth.forbidden", "transport: Connection closed");
        api.post(
                "/api/v1/conversations/" + other.conversation() + "/messages",
                Map.of("body", "secret"),
                other.owner().token());
        assertThat(foreign.poll(1, TimeUnit.SECONDS))
                .as("nothing of another conversation")
                .isNull();

        StompTestClient.Socket staffSocket = connect(c.owner().token());
        subscribe(staffSocket.session(), "/topic/somewhere.else");
        assertThat(StompTestClient.refusal(staffSocket))
                .containsAnyOf("auth.forbidden", "transport: Connection closed");
    }

    @Test
    void aSignedOutSessionCanSubscribeNoMoreAndTypingIsThinnedOut() throws Exception {
        Chat c = chat("Socket C");
        StompTestClient.Socket coach = connect(c.owner().token());
        BlockingQueue<JsonNode> frames = subscribe(coach.session(), "/topic/conversations." + c.conversation());
        StompTestClient.Socket client = connect(c.clientToken());
        Thread.sleep(300);
        for (int i = 0; i < 20; i++) {
            client.session().send("/app/conversations." + c.conversation() + ".typing", new byte[0]);
        }
        JsonNode typing = next(frames);
        assertThat(typing.path("event").asString()).isEqualTo("typing");
        assertThat(frames.poll(700, TimeUnit.MILLISECONDS))
                .as("one signal for the flood")
                .isNull();

        assertThat(api.post("/api/v1/auth/logout-all", Map.of(), c.clientToken())
                        .status())
                .isBetween(200, 204);
        subscribe(client.session(), "/topic/conversations." + c.conversation());
        assertThat(StompTestClient.refusal(client))
                .containsAnyOf("auth.unauthenticated", "transport: Connection closed");
    }

    @Test
    void staffSeeWhoComesAndGoesAndACounselorWhoseLastSocketClosesIsOffline() throws Exception {
        Chat c = chat("Socket D");
        StompTestClient.Socket owner = connect(c.owner().token());
        BlockingQueue<JsonNode> presence =
                subscribe(owner.session(), "/topic/presence." + c.owner().orgId());
        Member counselor = memberWithRole(c.owner(), "staff");
        api.put("/api/v1/chat/counselors/me", Map.of("status", "available"), counselor.token());
        Thread.sleep(300);

        StompTestClient.Socket socket = connect(counselor.token());
        JsonNode online = next(presence);
        assertThat(online.path("userId").asString())
                .isEqualTo(counselor.userId().toString());
        assertThat(online.path("online").asBoolean()).isTrue();
        socket.session().disconnect();
        JsonNode offline = next(presence);
        assertThat(offline.path("online").asBoolean()).isFalse();
        String status = "";
        for (int i = 0; i < 50 && !status.equals("offline"); i++) {
            Thread.sleep(100);
            status = counselorStatus(c.owner());
        }
        assertThat(status).as("no session waits for a counselor who left").isEqualTo("offline");

        StompTestClient.Socket client = connect(c.clientToken());
        subscribe(client.session(), "/topic/presence." + c.owner().orgId());
        assertThat(StompTestClient.refusal(client))
                .as("clients do not see staff presence")
                .containsAnyOf("auth.forbidden", "transport: Connection closed");
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderBeforeNewMessages() throws Exception {
        Chat c = chat("Socket E");
        String messages = "/api/v1/conversations/" + c.conversation() + "/messages";
        for (int i = 1; i <= 5; i++) {
            api.post(messages, Map.of("body", "missed " + i), c.owner().token());
        }
        // the live pushes of those five have happened (nobody was connected)
        Thread.sleep(300);
        StompTestClient.Socket socket = connect(c.clientToken());
        BlockingQueue<JsonNode> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        StompTestClient.subscribeInto(socket.session(), "/user/queue/conversations." + c.conversation(), frames, null);
        Thread.sleep(200);
        StompTestClient.subscribeInto(
                socket.session(), "/topic/conversations." + c.conversation(), frames, Map.of("last-seq", "2"));
        List<Long> seqs = new ArrayList<>();
        JsonNode frame = next(frames);
        while (frame.path("event").asString().equals("message.created")) {
            seqs.add(frame.path("seq").asLong());
            frame = next(frames);
        }
        assertThat(seqs).as("what it missed, in order").containsExactly(3L, 4L, 5L);
        assertThat(frame.path("event").asString()).isEqualTo("replay.done");
        assertThat(frame.path("seq").asLong()).isEqualTo(5);

        api.post(messages, Map.of("body", "new"), c.owner().token());
        JsonNode fresh = next(frames);
        assertThat(fresh.path("seq").asLong()).as("then the new ones").isEqualTo(6);
        assertThat(frames.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(socket.errors()).isEmpty();
    }

    @Test
    void aMessageWhoseNodeDiedBeforePublishingItGoesOutWithTheNextInOrderAndOnce() throws Exception {
        Chat c = chat("Socket F");
        StompTestClient.Socket socket = connect(c.clientToken());
        BlockingQueue<JsonNode> frames = subscribe(socket.session(), "/topic/conversations." + c.conversation());
        Thread.sleep(300);
        String messages = "/api/v1/conversations/" + c.conversation() + "/messages";
        api.post(messages, Map.of("body", "one"), c.owner().token());
        assertThat(next(frames).path("seq").asLong()).isEqualTo(1);

        // as a node that died between its commit and its push would leave it: written and numbered, not published
        jdbc.sql("UPDATE conversations SET last_seq = 2, last_message_at = now() WHERE id = :c")
                .param("c", c.conversation())
                .update();
        jdbc.sql("INSERT INTO messages (id, org_id, conversation_id, seq, sender_id, type, body)"
                        + " VALUES (:id, :org, :c, 2, :sender, 'text', 'two, acknowledged by the dead node')")
                .param("id", UUID.randomUUID())
                .param("org", c.owner().orgId())
                .param("c", c.conversation())
                .param("sender", c.owner().userId())
                .update();
        assertThat(frames.poll(500, TimeUnit.MILLISECONDS))
                .as("nobody published it")
                .isNull();

        api.post(messages, Map.of("body", "three"), c.owner().token());
        JsonNode second = next(frames);
        JsonNode third = next(frames);
        assertThat(second.path("seq").asLong()).isEqualTo(2);
        assertThat(second.path("message").path("body").asString()).startsWith("two");
        assertThat(third.path("seq").asLong()).isEqualTo(3);
        assertThat(frames.poll(500, TimeUnit.MILLISECONDS)).as("each once").isNull();
    }
}
