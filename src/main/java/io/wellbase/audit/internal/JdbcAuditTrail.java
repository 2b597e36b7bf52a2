package io.wellbase.audit.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores audit entries with the request's actor, address, user agent and request id. Secret
 * fields (passwords, tokens, hashes) are written as "[redacted]", never their values.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    static final String RECORDED_ATTRIBUTE = JdbcAuditTrail.class.getName() + ".recorded";
    private static final Pattern SECRET = Pattern.compile(".*(password|token|secret|hash).*");

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    JdbcAuditTrail(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Override
    public void record(AuditRecord record) {
        HttpServletRequest request = currentRequest();
        // the actor the record names, else the caller of the request (and the API key it came with)
        Caller caller = record.actorId() != null ? null : Caller.currentIfAny().orElse(null);
        UUID actor = record.actorId() != null ? record.actorId() : caller == null ? null : caller.userId();
        jdbc.sql("""
                INSERT INTO audit_log (id, org_id, actor_id, api_key_id, action, entity_type, entity_id, changes,
                                       ip, user_agent, request_id)
                VALUES (:id, :orgId, :actorId, :apiKeyId, :action, :entityType, :entityId, CAST(:changes AS jsonb),
                        :ip, :userAgent, :requestId)
                """)
                .param("id", Ids.newId())
                .param("orgId", record.organizationId())
                .param("actorId", actor)
                .param("apiKeyId", caller == null ? null : caller.apiKeyId())
                .param("action", record.action())
                .param("entityType", record.entityType())
                .param("entityId", record.entityId())
                .param("changes", objectMapper.writeValueAsString(redact(record.changes())))
                .param("ip", request == null ? null : request.getRemoteAddr())
                .param("userAgent", request == null ? null : truncate(request.getHeader("User-Agent")))
                .param("requestId", RequestIds.current())
                .update();
        if (request != null) {
            request.setAttribute(RECORDED_ATTRIBUTE, Boolean.TRUE);
        }
    }

    static Map<String, AuditChange> redact(Map<String, AuditChange> changes) {
        Map<String, AuditChange> safe = new LinkedHashMap<>();
        changes.forEach((field, change) -> safe.put(
                field,
                SECRET.matcher(field.toLowerCase(Locale.ROOT)).matches()
                        ? new AuditChange(
                                change.before() == null ? null : "[redacted]",
                                change.after() == null ? null : "[redacted]")
                        : change));
        return safe;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
