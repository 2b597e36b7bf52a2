package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request examples for the first calls a client makes (sign up, sign in, a client, a booking), by
 * operation id, so Swagger UI's "Try it out" starts from a body that works.
 */
final class RequestExamples {

    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "authRegister",
                    ordered(
                            "email",
                            "mia@example.com",
                            "password",
                            "correct-horse-battery-staple",
                            "firstName",
                            "Mia",
                            "lastName",
                            "Schulz"),
            "authLogin", ordered("email", "mia@example.com", "password", "correct-horse-battery-staple"),
            "organizationsCreate",
                    ordered("name", "Studio Nord", "timezone", "Europe/Berlin", "currency", "EUR", "country", "DE"),
            "clientsCreate",
                    ordered(
                            "firstName",
                            "Lena",
                            "lastName",
                            "Vogel",
                            "email",
                            "lena@example.com",
                            "phone",
                            "+49 30 1234567",
                            "tags",
                            List.of("vip")),
            "sessionsBook", ordered("clientId", "0190b4a2-7c1e-7d3a-9f2b-4c5d6e7f8a9b"),
            "appointmentsBook",
                    ordered(
                            "serviceId",
                            "0190b4a2-1111-7d3a-9f2b-4c5d6e7f8a9b",
                            "clientId",
                            "0190b4a2-7c1e-7d3a-9f2b-4c5d6e7f8a9b",
                            "start",
                            "2026-03-30T10:00:00+02:00"));

    private RequestExamples() {}

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static void apply(Operation operation) {
        Map<String, Object> example = EXAMPLES.get(operation.getOperationId());
        if (example == null
                || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json =
                operation.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json != null) {
            json.setExample(example);
        }
    }
}
