package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes relaying to RabbitMQ's STOMP plugin (127.0.0.1:61613; {@code .ci/run} enables it): a message
 * written through node A reaches a socket on node B in order, and a notification for a user connected to B
 * reaches their own queue there. The test's own two application contexts share the test database.
 */
class TwoNodesIntegrationTests extends io.wellbase.support.OrganizationTest {

    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        for (int i = 0; i < 2; i++) {
            nodes.add(RelayNodes.inProcess());
        }
    }

    @AfterAll
    static void stopTwoNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    private static int port(int node) {
        return RelayNodes.port(nodes.get(node));
    }

    @Test
    void aMessageWrittenOnOneNodeReachesASocketOnTheOtherInOrderAndSoDoNotifications() throws Exception {
        Owner owner = ownerWithOrganization("Two nodes");
        String email = uniqueEmail("two-nodes");
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Nia", "lastName", "Node", "email", email),
                        owner.token())
                .id();
        String clientToken = portalToken(owner, client, email);
        Api nodeA = new Api(port(0));
        Api.Response started =
                nodeA.post("/api/v1/conversations", Map.of("kind", "client", "clientId", client), owner.token());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        UUID conversation = UUID.fromString(started.field("conversation.id"));

        try (StompTestClient stomp = new StompTestClient()) {
            StompTestClient.Socket onB = stomp.connect(port(1), clientToken);
            BlockingQueue<JsonNode> frames =
                    StompTestClient.subscribe(onB.session(), "/topic/conversations." + conversation);
            BlockingQueue<JsonNode> notifications =
                    StompTestClient.subscribe(onB.session(), "/user/queue/notifications");
            Thread.sleep(1000); // the subscriptions reach RabbitMQ, and B's user registry reaches A

            for (int i = 1; i <= 10; i++) {
                Api.Response sent = nodeA.post(
                        "/api/v1/conversations/" + conversation + "/messages",
                        Map.of("body", "from A " + i),
                        owner.token());
                assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
            }
            for (long seq = 1; seq <= 10; seq++) {
                JsonNode frame = StompTestClient.next(frames);
                assertThat(frame.path("seq").asLong()).isEqualTo(seq);
                assertThat(frame.path("message").path("body").asString()).isEqualTo("from A " + seq);
            }
            assertThat(frames.poll(500, TimeUnit.MILLISECONDS))
                    .as("nothing twice")
                    .isNull();

            Api.Response told = nodeA.post(
                    "/api/v1/notifications",
                    Map.of("title", "Across nodes", "body", "Hello from A.", "clientIds", List.of(client)),
                    owner.token());
            assertThat(told.status()).as(told.toString()).isEqualTo(202);
            JsonNode notification = StompTestClient.next(notifications);
            assertThat(notification.path("event").asString()).isEqualTo("notification:new");
            assertThat(notification.path("title").asString()).isEqualTo("Across nodes");
            assertThat(onB.errors()).isEmpty();
        }
    }

    @Test
    void aUserWithSocketsOnBothNodesStaysOnlineUntilTheLastOneCloses() throws Exception {
        Owner owner = ownerWithOrganization("Two nodes presence");
        Member coach = memberWithRole(owner, "staff");
        try (StompTestClient stomp = new StompTestClient()) {
            StompTestClient.Socket watcher = stomp.connect(port(0), owner.token());
            BlockingQueue<JsonNode> presence =
                    StompTestClient.subscribeAndWait(watcher.session(), "/topic/presence." + owner.orgId());
            StompTestClient.Socket onA = stomp.connect(port(0), coach.token());
            StompTestClient.Socket alsoOnA = stomp.connect(port(0), coach.token());
            StompTestClient.Socket onB = stomp.connect(port(1), coach.token());
            JsonNode online = StompTestClient.next(presence);
            assertThat(online.path("userId").asString())
                    .isEqualTo(coach.userId().toString());
            assertThat(online.path("online").asBoolean()).isTrue();
            assertThat(presence.poll(1_000, TimeUnit.MILLISECONDS))
                    .as("the second socket, on the other node, is no news")
                    .isNull();

            onA.session().disconnect();
            assertThat(presence.poll(2_000, TimeUnit.MILLISECONDS))
                    .as("another socket on node A is still open: not offline (grace 1 s)")
                    .isNull();
            alsoOnA.session().disconnect();
            assertThat(presence.poll(3_000, TimeUnit.MILLISECONDS))
                    .as("a socket on node B is still open: not offline")
                    .isNull();
            onB.session().disconnect();
            JsonNode offline = StompTestClient.next(presence);
            assertThat(offline.path("userId").asString())
                    .isEqualTo(coach.userId().toString());
            assertThat(offline.path("online").asBoolean()).isFalse();
            assertThat(presence.poll(2_000, TimeUnit.MILLISECONDS))
                    .as("announced once, by one node")
                    .isNull();
        }
    }
}
