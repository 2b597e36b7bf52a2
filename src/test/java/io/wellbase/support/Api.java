package io.wellbase.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests against the running server, JSON in and out.
 */
public final class Api {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** An answer: status, headers and the body as JSON (or raw text when it is not JSON). */
    public record Response(int status, java.net.http.HttpHeaders headers, String text) {

        public JsonNode json() {
            return JSON.readTree(text.isEmpty() ? "null" : text);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String field(String path) {
            JsonNode node = json();
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public UUID id() {
            return UUID.fromString(field("id"));
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, body, token, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, body, token, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** A multipart POST: plain form fields plus one file part named {@code file} (when bytes is not null). */
    public Response upload(String path, Map<String, String> fields, String filename, byte[] bytes, String token) {
        return upload(path, fields, filename, bytes, token, Map.of());
    }

    /** A multipart POST with extra headers (an Idempotency-Key, say). */
    public Response upload(
            String path,
            Map<String, String> fields,
            String filename,
            byte[] bytes,
            String token,
            Map<String, String> headers) {
        String boundary = "----wellbase" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        if (bytes != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    /** Bytes of a JSON document, parsed. */
    public JsonNode json(byte[] bytes) {
        return JSON.readTree(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The raw bytes behind an absolute URL (signed download links), without a token. */
    public static HttpResponse<byte[]> download(String url) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        request.method(
                method,
                payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    private static Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request written byte for byte on a plain socket, for what the JDK client refuses to send (a
     * forged {@code Host}, malformed lines); answers the raw response text, headers included.
     */
    public String raw(String request) throws IOException {
        int port = Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
