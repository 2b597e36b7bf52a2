package io.wellbase.organizations.internal;

import io.wellbase.organizations.Locations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locations and staff for other modules.
 */
@Component
class LocationsApi implements Locations {

    private final LocationStore store;
    private final OrganizationStore organizations;

    LocationsApi(LocationStore store, OrganizationStore organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocationInfo> find(UUID organizationId, UUID locationId) {
        return store.find(organizationId, locationId)
                .map(l -> new LocationInfo(
                        l.id(),
                        l.name(),
                        l.timezone(),
                        store.rooms(organizationId, List.of(l.id())).stream()
                                .map(r -> new RoomInfo(r.id(), r.name(), r.capacity()))
                                .toList()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> activeLocations(UUID organizationId) {
        return store.activeIds(organizationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> staff(UUID organizationId) {
        return organizations.staff(organizationId);
    }

    @Override
    public Optional<Place> place(UUID organizationId, UUID locationId) {
        return store.place(organizationId, locationId);
    }

    @Override
    public boolean isStaff(UUID organizationId, UUID userId) {
        return organizations.roleOf(userId, organizationId).isPresent();
    }
}
