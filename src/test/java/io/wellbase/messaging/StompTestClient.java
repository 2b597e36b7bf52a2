package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real STOMP client over a real WebSocket for the tests: sessions, their ERROR frames, and JSON frames. */
final class StompTestClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<StompSession> sessions = new ArrayList<>();
    /** Times out RECEIPTs the client waits for. */
    private final ThreadPoolTaskScheduler receiptTimer = new ThreadPoolTaskScheduler();

    StompTestClient() {
        receiptTimer.setPoolSize(1);
        receiptTimer.setThreadNamePrefix("stomp-test-receipts-");
        receiptTimer.initialize();
    }

    /** A connected session and the ERROR frames and transport failures it saw. */
    record Socket(StompSession session, BlockingQueue<String> errors) {}

    Socket connect(int port, String token) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setTaskScheduler(receiptTimer);
        // frames come as application/json; the test reads every one as raw bytes
        client.setMessageConverter(new ByteArrayMessageConverter() {
            @Override
            protected boolean supportsMimeType(org.springframework.messaging.MessageHeaders headers) {
                return true;
            }
        });
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        StompSession session = client.connectAsync(
                        "ws://localhost:" + port + "/ws",
                        new WebSocketHttpHeaders(),
                        connect,
                        new StompSessionHandlerAdapter() {
                            @Override
                            public void handleFrame(StompHeaders headers, Object payload) {
                                errors.add(String.valueOf(headers.getFirst("message")));
                            }

                            @Override
                            public void handleTransportError(StompSession s, Throwable exception) {
                                errors.add("transport: " + exception.getMessage());
                            }

                            @Override
                            public void handleException(
                                    StompSession s, StompCommand c, StompHeaders h, byte[] p, Throwable e) {
                                errors.add("exception: " + e.getMessage());
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        sessions.add(session);
        return new Socket(session, errors);
    }

    static BlockingQueue<JsonNode> subscribe(StompSession session, String destination) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        subscribeInto(session, destination, frames, null);
        return frames;
    }

    /** Subscribes with extra headers, putting the frames into a queue shared with other subscriptions. */
    static void subscribeInto(
            StompSession session,
            String destination,
            BlockingQueue<JsonNode> frames,
            java.util.Map<String, String> extra) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        if (extra != null) {
            extra.forEach(headers::add);
        }
        session.subscribe(headers, into(frames));
    }

    /**
     * Subscribes with a {@code receipt} header and waits for the server's RECEIPT: from then on the broker has
     * the subscription.
     */
    static BlockingQueue<JsonNode> subscribeAndWait(StompSession session, String destination) throws Exception {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("subscribed-" + destination);
        java.util.concurrent.CompletableFuture<Boolean> receipt = new java.util.concurrent.CompletableFuture<>();
        StompSession.Receiptable subscription = session.subscribe(headers, into(frames));
        subscription.addReceiptTask(() -> receipt.complete(true));
        subscription.addReceiptLostTask(() -> receipt.complete(false));
        assertThat(receipt.get(15, TimeUnit.SECONDS))
                .as("a RECEIPT for the subscription to " + destination)
                .isTrue();
        return frames;
    }

    /** Reads every frame as JSON into the queue. */
    private static StompFrameHandler into(BlockingQueue<JsonNode> frames) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add(JSON.readTree((byte[]) payload));
            }
        };
    }

    /**
     * What a refused socket was told, once it closed: its ERROR frame's message (or frames) and transport events.
     * Spring may close a socket whose ERROR frame still waits behind another frame being written, so the closed
     * connection alone can be all a client sees: callers accept it as the refusal too.
     */
    static String refusal(Socket socket) throws InterruptedException {
        String first = socket.errors().poll(10, TimeUnit.SECONDS);
        assertThat(first).as("refused").isNotNull();
        StringBuilder seen = new StringBuilder(first);
        String more;
        while ((more = socket.errors().poll(300, TimeUnit.MILLISECONDS)) != null) {
            seen.append(" | ").append(more);
        }
        for (int i = 0; i < 20 && socket.session().isConnected(); i++) {
            Thread.sleep(100);
        }
        assertThat(socket.session().isConnected()).as("and disconnected").isFalse();
        return seen.toString();
    }

    static JsonNode next(BlockingQueue<JsonNode> frames) throws InterruptedException {
        JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }

    @Override
    public void close() {
        sessions.forEach(s -> {
            if (s.isConnected()) {
                s.disconnect();
            }
        });
        receiptTimer.shutdown();
    }
}
