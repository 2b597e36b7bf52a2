package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when the database is unreachable in a filter (the idempotency
 * keys, the security chain) rather than in a controller, where the problem handler does the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemWriter problems;

    DatabaseOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getMessage());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            problems.write(response, DatabaseOutage.problem());
        }
    }
}
