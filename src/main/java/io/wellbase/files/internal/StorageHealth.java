package io.wellbase.files.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether files can be stored: a small probe object written, read back and deleted (local folder or S3), at most
 * every 30 seconds; between probes the last answer is repeated. Shown as {@code storage} in the health endpoints.
 */
@Component("storageHealthIndicator")
class StorageHealth implements HealthIndicator {

    private static final Duration REUSE = Duration.ofSeconds(30);

    private final ObjectStorage storage;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.EPOCH;

    StorageHealth(ObjectStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = Instant.now();
        Health known = last;
        if (known != null && checkedAt.plus(REUSE).isAfter(now)) {
            return known;
        }
        Health probed = probe();
        last = probed;
        checkedAt = now;
        return probed;
    }

    private Health probe() {
        String key = "health/probe-" + UUID.randomUUID();
        byte[] content = ("wellbase storage probe " + clock.instant()).getBytes(StandardCharsets.UTF_8);
        Path file = null;
        try {
            file = Files.createTempFile("wellbase-probe", ".txt");
            Files.write(file, content);
            storage.put(key, file, "text/plain");
            byte[] read;
            try (InputStream in = storage.get(key)) {
                read = in.readAllBytes();
            }
            storage.delete(key);
            return java.util.Arrays.equals(read, content)
                    ? Health.up().withDetail("storage", storage.name()).build()
                    : Health.down()
                            .withDetail("storage", storage.name())
                            .withDetail("error", "read back differs")
                            .build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("storage", storage.name())
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is removed by the system
                }
            }
        }
    }
}
