package io.wellbase.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small S3-compatible server for tests: path-style buckets and objects (PUT, GET, HEAD, DELETE)
 * kept in memory, with AWS Signature Version 4 checked on every request, in the Authorization header
 * or in a presigned URL's query (with its expiry), as S3 does. Wrong signature or expired: 403.
 */
public final class LocalS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-0123456789";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private record StoredObject(byte[] bytes, String contentType) {}

    private final HttpServer server;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, Boolean> buckets = new ConcurrentHashMap<>();

    public LocalS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void createBucket(String bucket) {
        buckets.put(bucket, true);
    }

    public int objectCount() {
        return objects.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            String failure = checkSignature(exchange, body);
            if (failure != null) {
                error(exchange, 403, "AccessDenied", failure);
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8)
                    .substring(1);
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String key = slash < 0 ? "" : path.substring(slash + 1);
            if (key.isEmpty()) {
                buckets.put(bucket, true);
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            if (!buckets.containsKey(bucket)) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            String id = bucket + "/" + key;
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    objects.put(id, new StoredObject(decodeChunked(exchange, body), type));
                    exchange.getResponseHeaders().add("ETag", "\"" + hex(sha256(body)) + "\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET", "HEAD" -> {
                    StoredObject object = objects.get(id);
                    if (object == null) {
                        error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                        return;
                    }
                    Map<String, String> query = query(exchange);
                    String type = query.getOrDefault("response-content-type", object.contentType());
                    exchange.getResponseHeaders().add("Content-Type", type == null ? "binary/octet-stream" : type);
                    if (query.containsKey("response-content-disposition")) {
                        exchange.getResponseHeaders()
                                .add("Content-Disposition", query.get("response-content-disposition"));
                    }
                    boolean head = exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(200, head ? -1 : object.bytes().length);
                    if (!head) {
                        exchange.getResponseBody().write(object.bytes());
                    }
                }
                case "DELETE" -> {
                    objects.remove(id);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> error(exchange, 405, "MethodNotAllowed", "Not supported here");
            }
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Unwraps {@code aws-chunked} bodies ("size;chunk-signature=...\r\n data \r\n ... 0;..."). */
    private static byte[] decodeChunked(HttpExchange exchange, byte[] body) {
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (sha == null || !sha.startsWith("STREAMING-")) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOf(body, pos);
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i < body.length - 1; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    /** Null when the request carries a valid, unexpired SigV4 signature by the test credentials. */
    private String checkSignature(HttpExchange exchange, byte[] body) {
        Map<String, String> query = query(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String credential;
        String signedHeaders;
        String signature;
        String amzDate;
        String payloadHash;
        if (query.containsKey("X-Amz-Signature")) {
            credential = query.get("X-Amz-Credential");
            signedHeaders = query.get("X-Amz-SignedHeaders");
            signature = query.get("X-Amz-Signature");
            amzDate = query.get("X-Amz-Date");
            payloadHash = "UNSIGNED-PAYLOAD";
            Instant expires = Instant.from(AMZ_DATE.parse(amzDate))
                    .plusSeconds(Long.parseLong(query.getOrDefault("X-Amz-Expires", "0")));
            if (Instant.now().isAfter(expires)) {
                return "Request has expired";
            }
        } else if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : authorization.substring(17).split(",")) {
                String[] kv = part.trim().split("=", 2);
                parts.put(kv[0], kv[1]);
            }
            credential = parts.get("Credential");
            signedHeaders = parts.get("SignedHeaders");
            signature = parts.get("Signature");
            amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
            payloadHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
            if (payloadHash == null) {
                return "Missing x-amz-content-sha256";
            }
            if (!payloadHash.startsWith("STREAMING-")
                    && !payloadHash.equals("UNSIGNED-PAYLOAD")
                    && !payloadHash.equals(hex(sha256(body)))) {
                return "The provided payload hash does not match the body";
            }
        } else {
            return "Missing AWS Signature Version 4";
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[0].equals(ACCESS_KEY)) {
            return "Unknown access key";
        }
        String canonical = String.join(
                "\n",
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                canonicalQuery(exchange),
                canonicalHeaders(exchange, signedHeaders),
                signedHeaders,
                payloadHash);
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String toSign = String.join(
                "\n",
                "AWS4-HMAC-SHA256",
                amzDate,
                credentialScope,
                hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, toSign));
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))
                ? null
                : "The request signature we calculated does not match";
    }

    private static String canonicalQuery(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.startsWith("X-Amz-Signature=")) {
                continue;
            }
            pairs.add(pair.contains("=") ? pair : pair + "=");
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(HttpExchange exchange, String signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = exchange.getRequestHeaders().getOrDefault(name, List.of());
            out.append(name)
                    .append(':')
                    .append(String.join(
                            ",",
                            values.stream()
                                    .map(v -> v.trim().replaceAll(" +", " "))
                                    .toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).forEach(p -> {
                String[] kv = p.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            });
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : xml.length);
        if (!head) {
            exchange.getResponseBody().write(xml);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
