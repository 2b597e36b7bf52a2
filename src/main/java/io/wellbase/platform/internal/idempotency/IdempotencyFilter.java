package io.wellbase.platform.internal.idempotency;

import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it and its answer is stored;
 * a repeat gets that answer again (with {@code Idempotency-Replayed: true}) and does nothing twice.
 * A key belongs to one caller, one organization, one method and path: the same key elsewhere is
 * another request. A repeat must carry the same query and body (compared by digest), or it is a 422.
 * A repeat that arrives while the first is still running waits for its answer. A 5xx answer releases
 * the key so that the client can retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final ProblemWriter problems;
    private final long maxBodyBytes;

    public IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems, long maxBodyBytes) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whose key it is: the caller, the organization they act in, the request line. */
    private record Scope(UUID user, String org, String methodPath, String key) {}

    private record Stored(String requestHash, Integer status, byte[] body, String contentType, String location) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || Caller.currentIfAny().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "idempotency.invalid_key",
                            "Idempotency-Key must have 1 to 200 characters"));
            return;
        }
        Caller caller = Caller.current();
        Scope scope = new Scope(
                caller.principalId(),
                caller.organizationId() == null ? "-" : caller.organizationId().toString(),
                request.getMethod() + " " + request.getRequestURI(),
                key);
        RequestDigest digest;
        try {
            digest = RequestDigest.of(request, maxBodyBytes);
        } catch (RequestDigest.BodyTooLarge e) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "request.too_large",
                            "The request body is larger than " + maxBodyBytes + " bytes"));
            return;
        }
        boolean claimed = jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, scope, method_path, key, request_hash)
                VALUES (:user, :scope, :mp, :key, :hash)
                ON CONFLICT DO NOTHING
                """)
                        .param("user", scope.user())
                        .param("scope", scope.org())
                        .param("mp", scope.methodPath())
                        .param("key", key)
                        .param("hash", digest.hash())
                        .update()
                == 1;
        if (claimed) {
            runAndStore(digest.request(), response, chain, scope);
        } else {
            replay(response, scope, digest.hash());
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Scope scope)
            throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 500) {
                jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_body = :body,
                            content_type = :type, location = :location
                        WHERE user_id = :user AND scope = :scope AND method_path = :mp AND key = :key
                        """)
                        .param("status", wrapper.getStatus())
                        .param("body", wrapper.getContentAsByteArray())
                        .param("type", wrapper.getContentType())
                        .param("location", wrapper.getHeader(HttpHeaders.LOCATION))
                        .param("user", scope.user())
                        .param("scope", scope.org())
                        .param("mp", scope.methodPath())
                        .param("key", scope.key())
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("""
                        DELETE FROM idempotency_keys
                        WHERE user_id = :user AND scope = :scope AND method_path = :mp AND key = :key
                        """)
                        .param("user", scope.user())
                        .param("scope", scope.org())
                        .param("mp", scope.methodPath())
                        .param("key", scope.key())
                        .update();
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, Scope scope, String requestHash) throws IOException {
        Instant deadline = Instant.now().plus(WAIT_FOR_FIRST);
        Optional<Stored> stored = find(scope);
        while (stored.isPresent()
                && stored.get().status() == null
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            stored = find(scope);
        }
        if (stored.isEmpty() || stored.get().status() == null) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            "idempotency.in_progress",
                            "A request with this Idempotency-Key is still running; retry shortly"));
            return;
        }
        Stored first = stored.get();
        if (!requestHash.equals(first.requestHash())) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "idempotency.key_reused",
                            "This Idempotency-Key was used for a request with another body"));
            return;
        }
        response.setStatus(first.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private Optional<Stored> find(Scope scope) {
        return jdbc.sql("""
                SELECT request_hash, response_status, response_body, content_type, location FROM idempotency_keys
                WHERE user_id = :user AND scope = :scope AND method_path = :mp AND key = :key
                """)
                .param("user", scope.user())
                .param("scope", scope.org())
                .param("mp", scope.methodPath())
                .param("key", scope.key())
                .query((rs, n) -> new Stored(
                        rs.getString(1), (Integer) rs.getObject(2), rs.getBytes(3), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
