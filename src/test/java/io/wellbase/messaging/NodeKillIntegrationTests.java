package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A node killed (SIGKILL) while messages flow through it: node K, a process of its own, takes the sends and
 * holds one receiver's socket; node S, in this JVM, holds another's; both relay through RabbitMQ. The sender
 * resends what K did not answer to S with the same {@code clientMessageId}. Afterwards every message the
 * sender was answered for is stored once, the socket on S got every message once and in sequence order, and
 * the receiver whose socket died with K resumes on S from its last sequence number and ends with the same.
 * A receiver applies the protocol: sequence numbers are gap-free, so a frame past a gap (a node that died
 * between claiming a push and handing it to the broker) is preceded by fetching the gap over HTTP.
 */
class NodeKillIntegrationTests extends MessagingTest {

    private static ConfigurableApplicationContext survivor;
    private static Process killable;
    private static int killablePort;

    @BeforeAll
    static void startNodes() throws Exception {
        survivor = RelayNodes.inProcess();
        killablePort = RelayNodes.freePort();
        Path log = Path.of("target", "node-kill-" + killablePort + ".log");
        Files.createDirectories(log.getParent());
        killable = RelayNodes.process(killablePort, log);
    }

    @AfterAll
    static void stopNodes() {
        if (killable != null) {
            killable.destroyForcibly();
        }
        if (survivor != null) {
            survivor.close();
        }
    }

    /** What one receiver holds: sequence number → body, and how it got them. */
    private static final class Receiver {
        final Map<Long, String> got = new TreeMap<>();
        long last;
        int twice;
        int outOfOrder;
        int fetchedOverGaps;

        /** A live or replayed frame; a gap before it is fetched first. */
        void frame(JsonNode frame, Api api, UUID conversation, String token) {
            if (!frame.path("event").asString().equals("message.created")) {
                return;
            }
            long seq = frame.path("seq").asLong();
            if (seq <= last) {
                if (got.containsKey(seq)) {
                    twice++;
                } else {
                    outOfOrder++;
                }
                return;
            }
            if (seq > last + 1) {
                fetch(api, conversation, token, last, seq);
            }
            got.put(seq, frame.path("message").path("body").asString());
            last = seq;
        }

        void fetch(Api api, UUID conversation, String token, long after, long before) {
            JsonNode page = api.get(
                            "/api/v1/conversations/" + conversation + "/messages?after=" + after + "&before=" + before
                                    + "&limit=200",
                            token)
                    .json()
                    .path("data");
            for (JsonNode m : page) {
                got.put(m.path("seq").asLong(), m.path("body").asString());
                fetchedOverGaps++;
            }
        }
    }

    @Test
    void aNodeKilledUnderTrafficLosesNoAcknowledgedMessageAndDeliversNoneTwiceOrOutOfOrder() throws Exception {
        Chat c = chat("Kill");
        Api onKillable = new Api(killablePort);
        Api onSurvivor = new Api(RelayNodes.port(survivor));
        try (StompTestClient stomp = new StompTestClient()) {
            StompTestClient.Socket steady = stomp.connect(RelayNodes.port(survivor), c.clientToken());
            BlockingQueue<JsonNode> steadyFrames =
                    StompTestClient.subscribeAndWait(steady.session(), "/topic/conversations." + c.conversation());
            StompTestClient.Socket doomed = stomp.connect(killablePort, c.clientToken());
            BlockingQueue<JsonNode> doomedFrames =
                    StompTestClient.subscribeAndWait(doomed.session(), "/topic/conversations." + c.conversation());

            Receiver steadyReceiver = new Receiver();
            Receiver resumed = new Receiver();
            int total = 120;
            int killAfter = 50;
            Map<String, Long> acknowledged = new LinkedHashMap<>();
            Map<String, Integer> answeredBy = new TreeMap<>();
            Api sender = onKillable;
            for (int i = 1; i <= total; i++) {
                if (i == killAfter) {
                    // SIGKILL, no shutdown hook, while this send is on its way
                    Thread.ofPlatform().start(() -> {
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        killable.destroyForcibly();
                    });
                }
                String key = "kill-" + i;
                Map<String, Object> body = Map.of("body", "m" + i, "clientMessageId", key);
                Api.Response answer = null;
                for (int attempt = 0; attempt < 20 && (answer == null || answer.status() >= 300); attempt++) {
                    try {
                        answer = sender.post(
                                "/api/v1/conversations/" + c.conversation() + "/messages",
                                body,
                                c.owner().token());
                    } catch (RuntimeException unreachable) {
                        answer = null;
                    }
                    if (answer == null || answer.status() >= 500) {
                        sender = onSurvivor; // the node is gone: the same message, with the same key, to another
                    }
                }
                assertThat(answer).isNotNull();
                assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
                acknowledged.put(key, Long.parseLong(answer.field("seq")));
                answeredBy.merge(sender == onKillable ? "killed node" : "survivor", 1, Integer::sum);
                drain(steadyFrames, steadyReceiver, onSurvivor, c);
                if (killable.isAlive()) {
                    drain(doomedFrames, resumed, onSurvivor, c);
                }
            }
            assertThat(killable.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(answeredBy)
                    .as("the traffic went through the killed node, then the survivor")
                    .containsOnlyKeys("killed node", "survivor");
            assertThat(resumed.last)
                    .as("the doomed socket got some live, then nothing")
                    .isBetween(1L, (long) total - 1);

            // every acknowledged message stored once, numbered without gaps
            long lastSeq = Long.parseLong(onSurvivor
                    .get(
                            "/api/v1/conversations/" + c.conversation() + "/messages?limit=1",
                            c.owner().token())
                    .field("lastSeq"));
            assertThat(lastSeq).as("one message per key, none twice").isEqualTo(total);
            assertThat(acknowledged.values()).doesNotHaveDuplicates().hasSize(total);

            // the socket on the survivor: each message once, in order
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (steadyReceiver.last < total && System.nanoTime() < deadline) {
                JsonNode frame = steadyFrames.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    steadyReceiver.frame(frame, onSurvivor, c.conversation(), c.clientToken());
                }
            }
            assertThat(steadyReceiver.got.keySet())
                    .hasSize(total)
                    .startsWith(1L)
                    .endsWith((long) total);
            assertThat(steadyReceiver.twice).as("none twice").isZero();
            assertThat(steadyReceiver.outOfOrder).as("none out of order").isZero();

            // the receiver whose socket died with K resumes on S from its last number
            drain(doomedFrames, resumed, onSurvivor, c);
            StompTestClient.Socket again = stomp.connect(RelayNodes.port(survivor), c.clientToken());
            BlockingQueue<JsonNode> replayed = new LinkedBlockingQueue<>();
            StompTestClient.subscribeInto(
                    again.session(), "/user/queue/conversations." + c.conversation(), replayed, null);
            Thread.sleep(500); // the queue subscription reaches RabbitMQ before the replay goes to it
            StompTestClient.subscribeInto(
                    again.session(),
                    "/topic/conversations." + c.conversation(),
                    replayed,
                    Map.of("last-seq", String.valueOf(resumed.last)));
            JsonNode frame = StompTestClient.next(replayed);
            while (!frame.path("event").asString().equals("replay.done")) {
                resumed.frame(frame, onSurvivor, c.conversation(), c.clientToken());
                frame = StompTestClient.next(replayed);
            }
            assertThat(frame.path("seq").asLong()).isEqualTo(total);
            assertThat(resumed.got.keySet()).hasSize(total).startsWith(1L).endsWith((long) total);
            assertThat(resumed.twice).isZero();
            assertThat(resumed.outOfOrder).isZero();
            List<String> bodies = new ArrayList<>(resumed.got.values());
            assertThat(bodies)
                    .as("each message's own text")
                    .doesNotHaveDuplicates()
                    .contains("m1", "m" + total);
            assertThat(steady.errors()).isEmpty();
            System.out.printf(
                    "node kill: answered %s; fetched over gaps: steady %d, resumed %d%n",
                    answeredBy, steadyReceiver.fetchedOverGaps, resumed.fetchedOverGaps);
        }
    }

    private static void drain(BlockingQueue<JsonNode> frames, Receiver receiver, Api api, Chat c) {
        JsonNode frame;
        while ((frame = frames.poll()) != null) {
            receiver.frame(frame, api, c.conversation(), c.clientToken());
        }
    }
}
