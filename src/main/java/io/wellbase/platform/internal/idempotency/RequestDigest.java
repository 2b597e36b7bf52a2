package io.wellbase.platform.internal.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of what a request asks for, to tell a repeat of a request from another request that
 * reuses its {@code Idempotency-Key}: the query string and the body, or for a multipart upload each
 * part's name, file name, type and content (read from the parts the container has already stored).
 *
 * @param request the request to pass on: a plain body is read once here and served again from memory
 * @param hash    the digest in hex
 */
record RequestDigest(HttpServletRequest request, String hash) {

    /** Larger plain bodies are refused before this point (the JSON body limit). */
    static RequestDigest of(HttpServletRequest request, long maxBodyBytes) throws IOException, ServletException {
        MessageDigest digest = sha256();
        update(digest, request.getQueryString());
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                update(digest, part.getName());
                update(digest, part.getSubmittedFileName());
                update(digest, part.getContentType());
                try (InputStream in = part.getInputStream()) {
                    digestStream(digest, in);
                }
            }
            return new RequestDigest(request, HexFormat.of().formatHex(digest.digest()));
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw new BodyTooLarge();
        }
        digest.update(body);
        return new RequestDigest(new Replayed(request, body), HexFormat.of().formatHex(digest.digest()));
    }

    /** A plain body over the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body too large", null);
        }
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static void digestStream(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read into memory, served again to whoever reads it next. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("this body is read synchronously");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(),
                    getCharacterEncoding() == null
                            ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
