package io.wellbase.platform.internal.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's dependencies in one public answer, without details: the database, Redis (when configured) and file
 * storage. 200 when none is down, 503 when one is.
 */
@RestController
@Tag(name = "Platform")
class HealthController {

    private static final Map<String, String> CHECKS = Map.of("database", "db", "redis", "redis", "storage", "storage");

    private final HealthContributorRegistry registry;

    HealthController(HealthContributorRegistry registry) {
        this.registry = registry;
    }

    /** {@code status} UP or DOWN; each check UP, DOWN, or UNKNOWN (not configured). */
    record HealthView(String status, Map<String, String> checks) {}

    @GetMapping("/api/v1/health")
    @Operation(summary = "Whether the database, Redis (when configured) and file storage answer")
    ResponseEntity<HealthView> health() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean down = false;
        for (String name : new String[] {"database", "redis", "storage"}) {
            HealthContributor contributor = registry.getContributor(CHECKS.get(name));
            Status status = contributor instanceof HealthIndicator indicator
                    ? indicator.health().getStatus()
                    : Status.UNKNOWN;
            checks.put(name, status.getCode());
            down |= Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status);
        }
        HealthView view = new HealthView(down ? "DOWN" : "UP", checks);
        return down ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(view) : ResponseEntity.ok(view);
    }
}
