package io.wellbase.platform.internal.idempotency;

import io.wellbase.platform.internal.web.ProblemWriter;
import io.wellbase.platform.security.Caller;
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
 * a repeat by the same caller gets that answer again (with {@code Idempotency-Replayed: true}) and
 * does nothing twice. A repeat that arrives while the first is still running waits for its answer.
 * A 5xx answer releases the key so that the client can retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final ProblemWriter problems;

    public IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    private record Stored(String methodPath, Integer status, byte[] body, String contentType, String location) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || Caller.currentIfAny().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "idempotency.invalid_key",
                    "Idempotency-Key must have 1 to 200 characters"));
            return;
        }
        UUID user = Caller.current().userId();
        String methodPath = request.getMethod() + " " + request.getRequestURI();
        boolean claimed = jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, key, method_path) VALUES (:user, :key, :mp)
                ON CONFLICT DO NOTHING
                """).param("user", user).param("key", key).param("mp", methodPath).update() == 1;
        if (claimed) {
            runAndStore(request, response, chain, user, key);
        } else {
            replay(response, user, key, methodPath);
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain, UUID user,
            String key) throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 500) {
                jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_body = :body,
                            content_type = :type, location = :location
                        WHERE user_id = :user AND key = :key
                        """).param("status", wrapper.getStatus()).param("body", wrapper.getContentAsByteArray())
                        .param("type", wrapper.getContentType()).param("location", wrapper.getHeader(HttpHeaders.LOCATION))
                        .param("user", user).param("key", key).update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = :user AND key = :key")
                        .param("user", user).param("key", key).update();
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, UUID user, String key, String methodPath) throws IOException {
        Instant deadline = Instant.now().plus(WAIT_FOR_FIRST);
        Optional<Stored> stored = find(user, key);
        while (stored.isPresent() && stored.get().status() == null && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            stored = find(user, key);
        }
        if (stored.isEmpty() || stored.get().status() == null) {
            problems.write(response, Problems.of(HttpStatus.CONFLICT, "idempotency.in_progress",
                    "A request with this Idempotency-Key is still running; retry shortly"));
            return;
        }
        Stored first = stored.get();
        if (!first.methodPath().equals(methodPath)) {
            problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key_reused",
                    "This Idempotency-Key was used for another request"));
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

    private Optional<Stored> find(UUID user, String key) {
        return jdbc.sql("""
                SELECT method_path, response_status, response_body, content_type, location FROM idempotency_keys
                WHERE user_id = :user AND key = :key
                """).param("user", user).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
