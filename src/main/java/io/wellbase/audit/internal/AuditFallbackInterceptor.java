package io.wellbase.audit.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guarantees that every successful mutating request by a signed-in caller leaves an audit entry:
 * when the endpoint wrote no detailed entry of its own, a generic one names the method and route.
 */
@Configuration(proxyBeanMethods = false)
class AuditFallbackInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail auditTrail;

    AuditFallbackInterceptor(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null
                || !MUTATING.contains(request.getMethod())
                || response.getStatus() >= 300
                || request.getAttribute(JdbcAuditTrail.RECORDED_ATTRIBUTE) != null) {
            return;
        }
        Caller.currentIfAny().ifPresent(caller -> {
            String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
            Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            Object id = vars instanceof Map<?, ?> map ? map.get("id") : null;
            String entity = pattern.replaceFirst("^/api/v1/", "").split("/")[0];
            auditTrail.record(AuditRecord.of(
                    caller.organizationId(),
                    "http." + request.getMethod().toLowerCase() + " " + pattern,
                    entity,
                    id,
                    Map.of()));
        });
    }
}
