package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What changes while a socket is subscribed: a removed participant and a signed-out session receive nothing
 * more of what they subscribed to, changes of who is in a conversation and of the support queue are pushed,
 * and a node that died is swept from presence.
 */
class LiveChangesIntegrationTests extends MessagingTest {

    private final StompTestClient stomp = new StompTestClient();

    @AfterEach
    void disconnect() {
        stomp.close();
    }

    private static String created(BlockingQueue<JsonNode> frames, String event) throws InterruptedException {
        JsonNode frame = StompTestClient.next(frames);
        while (!frame.path("event").asString().equals(event)) {
            frame = StompTestClient.next(frames);
        }
        return frame.toString();
    }

    private static void assertRefused(StompTestClient.Socket socket) throws InterruptedException {
        assertThat(StompTestClient.refusal(socket)).containsAnyOf("auth.forbidden", "transport: Connection closed");
    }

    @Test
    void aRemovedParticipantIsToldOnItsOwnQueueAndReceivesNothingMoreOfTheConversation() throws Exception {
        Chat c = chat("Live A");
        Member colleague = memberWithRole(c.owner(), "staff");
        String participants = "/api/v1/conversations/" + c.conversation() + "/participants";
        assertThat(api.post(
                                participants,
                                Map.of("userId", colleague.userId()),
                                c.owner().token())
                        .status())
                .isEqualTo(200);
        StompTestClient.Socket socket = stomp.connect(port, colleague.token());
        BlockingQueue<JsonNode> topic =
                StompTestClient.subscribeAndWait(socket.session(), "/topic/conversations." + c.conversation());
        BlockingQueue<JsonNode> own = StompTestClient.subscribeAndWait(socket.session(), "/user/queue/conversations");
        StompTestClient.Socket client = stomp.connect(port, c.clientToken());
        BlockingQueue<JsonNode> clientTopic =
                StompTestClient.subscribeAndWait(client.session(), "/topic/conversations." + c.conversation());
        String messages = "/api/v1/conversations/" + c.conversation() + "/messages";

        api.post(messages, Map.of("body", "before"), c.owner().token());
        assertThat(created(topic, "message.created")).contains("before");

        assertThat(api.delete(participants + "/" + colleague.userId(), c.owner().token())
                        .status())
                .isEqualTo(204);
        JsonNode removed = StompTestClient.next(own);
        assertThat(removed.path("event").asString()).isEqualTo("conversation.removed");
        assertThat(removed.path("conversationId").asString())
                .isEqualTo(c.conversation().toString());
        JsonNode left = StompTestClient.next(clientTopic);
        while (!left.path("event").asString().equals("participant.removed")) {
            left = StompTestClient.next(clientTopic);
        }
        assertThat(left.path("userId").asString()).isEqualTo(colleague.userId().toString());

        api.post(messages, Map.of("body", "after"), c.owner().token());
        assertThat(created(clientTopic, "message.created"))
                .as("the others still hear it")
                .contains("after");
        assertThat(topic.poll(700, TimeUnit.MILLISECONDS))
                .as("the removed participant's old subscription carries nothing more")
                .isNull();
    }

    @Test
    void aSignedOutSocketReceivesNothingMoreOfWhatItSubscribedTo() throws Exception {
        Chat c = chat("Live B");
        StompTestClient.Socket client = stomp.connect(port, c.clientToken());
        BlockingQueue<JsonNode> frames =
                StompTestClient.subscribeAndWait(client.session(), "/topic/conversations." + c.conversation());
        String messages = "/api/v1/conversations/" + c.conversation() + "/messages";
        api.post(messages, Map.of("body", "signed in"), c.owner().token());
        assertThat(created(frames, "message.created")).contains("signed in");

        assertThat(api.post("/api/v1/auth/logout-all", Map.of(), c.clientToken())
                        .status())
                .isBetween(200, 204);
        Thread.sleep(3_500); // past LiveAccess.RECHECK: the token is checked again
        api.post(messages, Map.of("body", "signed out"), c.owner().token());
        assertThat(frames.poll(1_000, TimeUnit.MILLISECONDS))
                .as("a signed-out socket hears nothing more")
                .isNull();
        assertThat(StompTestClient.refusal(client))
                .as("it is told why, and closed, so that it reconnects with a fresh token")
                .containsAnyOf("auth.unauthenticated", "transport: Connection closed");
    }

    @Test
    void staffFollowTheSupportQueueAndTheClientFollowsItsSession() throws Exception {
        Chat c = chat("Live C");
        Member counselor = memberWithRole(c.owner(), "staff");
        StompTestClient.Socket staff = stomp.connect(port, counselor.token());
        BlockingQueue<JsonNode> queue = StompTestClient.subscribeAndWait(
                staff.session(), "/topic/chat-queue." + c.owner().orgId());

        Api.Response opened =
                api.post("/api/v1/chat/sessions", Map.of("topic", "Need to talk", "priority", "high"), c.clientToken());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String session = opened.field("id");
        JsonNode waiting = StompTestClient.next(queue);
        assertThat(waiting.path("event").asString()).isEqualTo("chat_session.changed");
        assertThat(waiting.path("sessionId").asString()).isEqualTo(session);
        assertThat(waiting.path("status").asString()).isEqualTo("waiting");
        assertThat(waiting.path("priority").asString()).isEqualTo("high");

        StompTestClient.Socket client = stomp.connect(port, c.clientToken());
        BlockingQueue<JsonNode> own = StompTestClient.subscribeAndWait(
                client.session(), "/topic/conversations." + opened.field("conversationId"));
        api.put("/api/v1/chat/counselors/me", Map.of("status", "available"), counselor.token());
        assertThat(api.post("/api/v1/chat/sessions/" + session + "/take", Map.of(), counselor.token())
                        .status())
                .isEqualTo(200);
        JsonNode active = StompTestClient.next(queue);
        assertThat(active.path("status").asString()).isEqualTo("active");
        JsonNode joined = StompTestClient.next(own);
        assertThat(joined.path("event").asString())
                .as("the counselor joins the session's conversation")
                .isEqualTo("participant.added");
        assertThat(joined.path("userId").asString())
                .isEqualTo(counselor.userId().toString());
        assertThat(StompTestClient.next(own).path("status").asString())
                .as("the client sees its session taken")
                .isEqualTo("active");

        Owner other = ownerWithOrganization("Live C elsewhere");
        StompTestClient.Socket stranger = stomp.connect(port, other.token());
        StompTestClient.subscribe(
                stranger.session(), "/topic/chat-queue." + c.owner().orgId());
        assertRefused(stranger);
        StompTestClient.subscribe(
                client.session(), "/topic/chat-queue." + c.owner().orgId());
        assertRefused(client); // a client does not see the queue
    }

    @Test
    void theSocketsOfANodeThatStoppedBeatingAreSweptAndTheirUsersGoOffline() throws Exception {
        Chat c = chat("Live D");
        Member counselor = memberWithRole(c.owner(), "staff");
        api.put("/api/v1/chat/counselors/me", Map.of("status", "available"), counselor.token());
        // as a node that died with the counselor's socket open would leave it
        UUID deadNode = UUID.randomUUID();
        jdbc.sql("INSERT INTO messaging_nodes (node_id, seen_at) VALUES (:n, now() - interval '2 minutes')")
                .param("n", deadNode)
                .update();
        jdbc.sql("INSERT INTO user_sockets (node_id, session_id, org_id, user_id) VALUES (:n, 'ghost', :org, :u)")
                .param("n", deadNode)
                .param("org", c.owner().orgId())
                .param("u", counselor.userId())
                .update();
        jdbc.sql("INSERT INTO user_presence (org_id, user_id, online, touched_at)"
                        + " VALUES (:org, :u, true, now() - interval '2 minutes')")
                .param("org", c.owner().orgId())
                .param("u", counselor.userId())
                .update();

        // the sweep runs every 15 s, on whichever node's scheduler takes it (here maybe another test context's,
        // whose broker this socket does not hear): its effect is what counts
        String status = "available";
        int sockets = 1;
        for (int i = 0; i < 300 && (sockets > 0 || !status.equals("offline")); i++) {
            Thread.sleep(100);
            sockets = jdbc.sql("SELECT count(*) FROM user_sockets WHERE node_id = :n")
                    .param("n", deadNode)
                    .query(Integer.class)
                    .single();
            status = counselorStatus(c.owner());
        }
        assertThat(sockets).as("the dead node's sockets are swept").isZero();
        assertThat(jdbc.sql("SELECT online FROM user_presence WHERE org_id = :org AND user_id = :u")
                        .param("org", c.owner().orgId())
                        .param("u", counselor.userId())
                        .query(Boolean.class)
                        .single())
                .as("the counselor is offline")
                .isFalse();
        assertThat(status).as("no session waits for them").isEqualTo("offline");
    }
}
