package io.wellbase.messaging;

import io.wellbase.Wellbase;
import io.wellbase.support.TestDatabase;
import io.wellbase.support.TestSmtp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Extra Wellbase nodes for the tests, on the test database and relaying to RabbitMQ's STOMP plugin
 * (127.0.0.1:61613; {@code .ci/run} enables it): in this JVM, or as a process of its own that a test can kill.
 */
final class RelayNodes {

    private RelayNodes() {}

    /** The command-line arguments of a node (they win over application.yml; default properties would not). */
    static List<String> arguments(int port) {
        return Map.ofEntries(
                        Map.entry("server.port", String.valueOf(port)),
                        Map.entry("wellbase.platform.db.url", TestDatabase.url()),
                        Map.entry("wellbase.platform.db.user", TestDatabase.user()),
                        Map.entry("wellbase.platform.db.password", TestDatabase.password()),
                        Map.entry("wellbase.platform.demo.enabled", "false"),
                        Map.entry("wellbase.platform.rate-limits.enabled", "false"),
                        Map.entry("wellbase.identity.argon2.memory-kib", "1024"),
                        Map.entry("wellbase.identity.argon2.iterations", "1"),
                        Map.entry("wellbase.files.local.root", "target/test-files"),
                        Map.entry("spring.mail.host", "127.0.0.1"),
                        Map.entry("spring.mail.port", String.valueOf(TestSmtp.port())),
                        Map.entry("wellbase.messaging.relay.host", "127.0.0.1"),
                        Map.entry("wellbase.messaging.presence-grace", "1s"),
                        Map.entry("logging.level.io.wellbase", "WARN"))
                .entrySet()
                .stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    /** A node in this JVM. */
    static ConfigurableApplicationContext inProcess() {
        return new SpringApplicationBuilder(Wellbase.class).run(arguments(0).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** A node as a process of its own (the same Java, the test's class path), ready when this returns. */
    static Process process(int port, Path log) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Wellbase.class.getName()));
        command.addAll(arguments(port));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node process ended; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the node process was not ready within 120 s; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
