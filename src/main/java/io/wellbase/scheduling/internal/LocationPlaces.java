package io.wellbase.scheduling.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wellbase.organizations.Locations;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A location's name and time zone for messages about bookings and appointments, read on every one of
 * them: kept for a minute (a renamed location or a changed zone shows within that).
 */
@Component
public class LocationPlaces {

    private static final Locations.Place UNKNOWN = new Locations.Place("", "UTC");

    private record Key(UUID orgId, UUID locationId) {}

    private final Locations locations;
    private final Cache<Key, Locations.Place> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    LocationPlaces(Locations locations) {
        this.locations = locations;
    }

    public Locations.Place of(UUID orgId, UUID locationId) {
        return cache.get(
                new Key(orgId, locationId),
                k -> locations.place(k.orgId(), k.locationId()).orElse(UNKNOWN));
    }
}
