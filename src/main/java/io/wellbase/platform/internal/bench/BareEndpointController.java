package io.wellbase.platform.internal.bench;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The machine's own limit for benchmarks: the cheapest JSON endpoint this server can answer, with no
 * token, no database and no business logic. Only present with {@code wellbase.platform.bench-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(name = "wellbase.platform.bench-endpoint", havingValue = "true")
class BareEndpointController {

    private static final Map<String, Object> BODY = Map.of(
            "id",
            "01a20a8b-3628-7667-8f5d-351da16e49f7",
            "email",
            "bench@example.test",
            "firstName",
            "Bench",
            "lastName",
            "Mark",
            "emailVerified",
            false);

    @GetMapping("/bench/bare")
    Map<String, Object> bare() {
        return BODY;
    }
}
